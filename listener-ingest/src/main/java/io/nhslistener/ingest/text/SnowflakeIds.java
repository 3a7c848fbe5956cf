package io.nhslistener.ingest.text;

/** Mastodon status ids and X post ids are decimal snowflakes: longer is newer, and equal lengths compare as text. */
public final class SnowflakeIds {
  private SnowflakeIds() {}

  /** True when {@code id} is newer than {@code other}; everything is newer than null. */
  public static boolean isAfter(String id, String other) {
    if (other == null) {
      return true;
    }
    return id.length() != other.length() ? id.length() > other.length() : id.compareTo(other) > 0;
  }
}
