package io.nhslistener.app.demo;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.serde.JsonSerde;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Writes a run's generated mentions and watchlist where the replay source and the process read them. */
final class ScenarioFiles {
  private static final JsonSerde<Mention> MENTIONS = new JsonSerde<>(Mention.class);

  private ScenarioFiles() {}

  /**
   * Writes {@code mentions} as {@code Mention} JSON lines, every event time moved by {@code shift}.
   *
   * @return the file written
   */
  static Path writeMentions(List<Mention> mentions, Duration shift, Path file) {
    try {
      Files.createDirectories(file.getParent());
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Mention mention : mentions) {
          Mention shifted = mention.toBuilder()
              .createdAt(mention.createdAt().plus(shift))
              .ingestedAt(mention.ingestedAt().plus(shift))
              .build();
          writer.write(MENTIONS.toJson(shifted));
          writer.newLine();
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the scenario's mentions to " + file, e);
    }
  }

  /** Writes text to {@code file}. */
  static Path writeText(String text, Path file) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
