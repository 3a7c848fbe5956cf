package io.nhslistener.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactorTest {

  // Check digits worked by hand: 9434765919 (sum 299, rem 2, check 9), 4010232137 (92, 4, 7),
  // 4505577104 (216, 7, 4), 4000000020 (44, 0 -> 11 -> 0).
  @ParameterizedTest
  @ValueSource(strings = {"9434765919", "943 476 5919", "943-476-5919", "4010232137", "450 557 7104", "4000000020"})
  void validNhsNumbersAreRedacted(String number) {
    assertEquals("patient [nhs-number], ward 3", Redactor.redact("patient " + number + ", ward 3"));
  }

  // 9434765918: wrong check digit; 1234567890: remainder gives check value 10, never valid.
  @ParameterizedTest
  @ValueSource(strings = {"9434765918", "943 476 5918", "1234567890", "401 023 2138"})
  void tenDigitNumbersFailingModulus11AreUntouched(String number) {
    String text = "order ref " + number + " today";
    assertSame(text, Redactor.redact(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"19434765919", "94347659190", "x9434765919", "9434765919x", "943 476-5919"})
  void nhsNumberMustBeAWholeToken(String text) {
    assertFalse(Redactor.redact(text).contains("[nhs-number]"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"07700 900123", "07700900123", "+44 7700 900123", "+447700900123", "+44 (0)20 7946 0958",
      "020 7946 0958", "(020) 7946 0958", "0117-496-0123", "0113.496.0000", "0044 161 496 0000", "0800 123 4567"})
  void ukPhoneNumbersAreRedacted(String number) {
    assertEquals("ring [phone] now", Redactor.redact("ring " + number + " now"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ring 111 now", "ring 0800 111 now", "ring 07700 9001234 now", "ring 04700 900123 now",
      "ring +1 212 555 0100 now", "ring 07700 90012 now", "version 0.7.7009 now"})
  void otherNumbersAreNotPhones(String text) {
    assertSame(text, Redactor.redact(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mail jane.doe@nhs.net please|mail [email] please",
      "contact: j_smith+clinic@example.co.uk.|contact: [email].",
      "cc @alice@mastodon.social|cc @[email]",
      "a@b.co|[email]"})
  void emailAddressesAreRedacted(String text, String expected) {
    assertEquals(expected, Redactor.redact(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thanks @nhsengland!", "user@localhost", "meet @ 5pm", "x@y.1"})
  void handlesAndIncompleteAddressesAreNotEmails(String text) {
    assertSame(text, Redactor.redact(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "ls1 4ap", "EC1A1BB"})
  void ukPostcodesAreRedacted(String postcode) {
    assertEquals("clinic at [postcode].", Redactor.redact("clinic at " + postcode + "."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COVID19 is back", "take the A1 road", "grid B12 3CD", "ASW1A 1AA", "SW1A 1AAB", "M1 1A"})
  void wordsThatOnlyResemblePostcodesAreUntouched(String text) {
    assertSame(text, Redactor.redact(text));
  }

  @Test
  void severalIdentifiersInOneTextAreAllRedacted() {
    String text = "NHS 943 476 5919, call 07700 900123 or a.b@c.org, SW1A 1AA; ref 9434765918.";
    assertEquals("NHS [nhs-number], call [phone] or [email], [postcode]; ref 9434765918.", Redactor.redact(text));
  }

  @Test
  void addressWhoseLocalPartLooksLikeOtherIdentifiersIsOneEmail() {
    assertEquals("[email] and [email]",
        Redactor.redact("07700900123@sms.example.com and ls14ap@post.example.org"));
  }

  @Test
  void nonAsciiLettersAreWordCharacters() {
    String text = "é9434765919";
    assertSame(text, Redactor.redact(text));
  }

  @Test
  void nullAndEmptyAreReturnedAsGiven() {
    assertNull(Redactor.redact(null));
    assertEquals("", Redactor.redact(""));
  }

  @Test
  void redactingTwiceChangesNothingMore() {
    String once = Redactor.redact("9434765919 07700900123 x@y.com M1 1AE");
    assertEquals(once, Redactor.redact(once));
    assertTrue(once.contains("[postcode]"));
  }
}
