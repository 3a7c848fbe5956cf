package io.nhslistener.app.cli;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.topic.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads archived mentions: one {@code Mention} JSON object per line, as the replay connector reads them. */
final class MentionArchive {
  private MentionArchive() {}

  /**
   * Every readable mention of {@code file}, in file order. A line that is not a mention is skipped and reported on
   * {@code err} by line number and field, never by content; blank lines are ignored.
   *
   * @throws IllegalArgumentException when the file cannot be read
   */
  static List<Mention> read(Path file, PrintWriter err) {
    List<Mention> mentions = new ArrayList<>();
    int skipped = 0;
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          mentions.add(Topics.MENTIONS_RAW.valueSerde().deserializer()
              .deserialize(null, line.getBytes(StandardCharsets.UTF_8)));
        } catch (RecordFormatException e) {
          err.println(file + " line " + number + ": skipped, " + e.recordType() + "." + e.field() + " is invalid");
          skipped++;
        }
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (skipped > 0) {
      err.println(skipped + " line(s) of " + file + " skipped");
    }
    err.flush();
    return mentions;
  }
}
