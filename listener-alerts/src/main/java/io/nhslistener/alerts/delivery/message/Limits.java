package io.nhslistener.alerts.delivery.message;

/** Cutting text to a receiver's field limit without splitting a surrogate pair. */
final class Limits {
  private Limits() {}

  /** {@code text} if it fits in {@code max} characters, else its start and an ellipsis, {@code max} in all. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
