package io.nhslistener.core.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumbersTest {
  @ParameterizedTest
  @ValueSource(strings = {"9434765919", "4010232137", "4505577104", "4000000020"})
  void acceptsNumbersWithTheRightCheckDigit(String digits) {
    assertTrue(NhsNumbers.isValid(digits));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9434765918", "1234567890", "943476591", "94347659190", "943476591a", ""})
  void rejectsWrongCheckDigitsLengthsAndNonDigits(String digits) {
    assertFalse(NhsNumbers.isValid(digits));
  }
}
