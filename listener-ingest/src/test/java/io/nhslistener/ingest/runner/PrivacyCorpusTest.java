package io.nhslistener.ingest.runner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.Mention;
import io.nhslistener.ingest.format.PayloadFormat;
import io.nhslistener.ingest.replay.ReplayConnector;
import io.nhslistener.ingest.testing.Fixtures;
import io.nhslistener.ingest.testing.RunnerHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: a corpus seeded with NHS numbers, phone numbers, e-mail addresses and postcodes goes through a real
 * runner; none of them survives into any committed record (mentions, dead letters with their payloads, cursors),
 * while ten-digit numbers failing Modulus 11 are left untouched.
 */
class PrivacyCorpusTest {
  private static final String[] PHONE_FORMS = {"07700 9%05d", "+44 7700 9%05d", "020 79%02d 0958", "0113 496 %04d"};
  private static final String[] POSTCODES = {"LS1 4AP", "SW1A 1AA", "M1 1AE", "BD9 6RJ", "ls2 9jt", "EC1A1BB"};

  @TempDir
  Path dir;

  /** Ten digits with a valid (or, when {@code valid} is false, a wrong) Modulus 11 check digit. */
  private static String nhsNumber(Random random, boolean valid) {
    while (true) {
      int[] digits = new int[9];
      int sum = 0;
      for (int k = 0; k < 9; k++) {
        digits[k] = k == 0 ? 4 + random.nextInt(5) : random.nextInt(10);
        sum += digits[k] * (10 - k);
      }
      int check = (11 - sum % 11) % 11;
      if (check == 10) {
        continue;
      }
      StringBuilder number = new StringBuilder();
      for (int digit : digits) {
        number.append(digit);
      }
      return number.append(valid ? check : (check + 1 + random.nextInt(9)) % 10).toString();
    }
  }

  @Test
  void noSeededIdentifierSurvivesAndInvalidNumbersAreUntouched() throws Exception {
    Random random = new Random(2026);
    List<String> lines = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    List<String> untouched = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String nhs = nhsNumber(random, true);
      String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
      String phone = String.format(PHONE_FORMS[i % PHONE_FORMS.length], random.nextInt(100) + (i % 2 == 0 ? 0 : 100));
      String email = "patient." + i + "@example-mail.co.uk";
      String postcode = POSTCODES[i % POSTCODES.length];
      String invalid = nhsNumber(random, false);
      String text = (i % 2 == 0 ? nhs : spaced) + " call " + phone + " or " + email + ", home " + postcode
          + ", order " + invalid;
      secrets.add(nhs);
      secrets.add(phone);
      secrets.add(email);
      untouched.add(invalid);
      lines.add(Fixtures.jetstreamPost("did:plc:p" + i, 1_772_355_600_000_000L + i, "k" + i, text));
      if (i % 20 == 0) {
        lines.add("{\"did\":\"did:plc:broken\",\"note\":\"" + nhs + " " + email + "\",");
      }
    }
    Path file = dir.resolve("corpus.jsonl");
    Files.write(file, lines);

    try (RunnerHarness harness = new RunnerHarness("privacy-test", BackoffPolicy.DEFAULT)) {
      harness.start(ReplayConnector.builder(file, PayloadFormat.JETSTREAM).build());
      await().until(() -> harness.runner().state() == IngestRunner.State.FINISHED);

      List<Mention> mentions = harness.mentions();
      List<DeadLetter> letters = harness.deadLetters();
      assertEquals(400, mentions.size());
      assertEquals(20, letters.size());
      StringBuilder everything = new StringBuilder();
      harness.committed().forEach(r -> everything.append(new String(r.value(), StandardCharsets.UTF_8)).append('\n'));
      letters.forEach(l -> everything.append(new String(l.value(), StandardCharsets.UTF_8)).append(l.reason()));
      String all = everything.toString();
      for (String secret : secrets) {
        assertFalse(all.contains(secret), "survived: " + secret);
      }
      for (String postcode : POSTCODES) {
        assertFalse(all.contains(postcode), "survived: " + postcode);
      }
      assertFalse(all.contains("did:plc:p1\""), "no author id in any record");
      for (int i = 0; i < mentions.size(); i++) {
        assertTrue(mentions.get(i).text().endsWith("order " + untouched.get(i)), mentions.get(i).text());
        assertTrue(mentions.get(i).text().startsWith("[nhs-number] call [phone] or [email], home [postcode]"),
            mentions.get(i).text());
      }
    }
  }
}
