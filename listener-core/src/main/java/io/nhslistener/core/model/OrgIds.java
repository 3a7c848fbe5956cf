package io.nhslistener.core.model;

/** The shape of an organisation id, which doubles as a Kafka key and a bounded metric label. */
public final class OrgIds {
  /** Human-readable statement of the rule, for error messages. */
  public static final String RULE = "must be 1-64 characters of a-z, 0-9 and '-', starting with a letter or digit";

  private OrgIds() {}

  public static boolean isValid(String id) {
    if (id == null || id.isEmpty() || id.length() > 64 || id.charAt(0) == '-') {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
