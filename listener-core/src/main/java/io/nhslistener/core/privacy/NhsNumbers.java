package io.nhslistener.core.privacy;

/** The NHS number check digit (Modulus 11), as specified by NHS England's data dictionary. */
public final class NhsNumbers {
  private NhsNumbers() {}

  /**
   * True when {@code digits} holds exactly ten ASCII digits whose tenth is the Modulus 11 check digit of the first
   * nine (weights 10 down to 2; a remainder giving check value 10 makes the number invalid, 11 means 0).
   */
  public static boolean isValid(CharSequence digits) {
    if (digits.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int k = 0; k < 10; k++) {
      char c = digits.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
      if (k < 9) {
        sum += (c - '0') * (10 - k);
      }
    }
    return checkDigit(sum) == digits.charAt(9) - '0';
  }

  /**
   * The check digit for the weighted sum of the first nine digits (digit k times 10 − k), or −1 when no check digit
   * can make the number valid (the remainder gives 10).
   */
  static int checkDigit(int weightedSum) {
    int check = 11 - weightedSum % 11;
    if (check == 11) {
      return 0;
    }
    return check == 10 ? -1 : check;
  }
}
