package io.nhslistener.alerts.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a corpus in NAB's layout: {@code data/<category>/<name>.csv} files with {@code timestamp,value} columns,
 * {@code windows.json} mapping {@code "<category>/<name>.csv"} to {@code [[start, end], ...]}, and optionally
 * {@code profiles.json} (NAB's three profiles when absent).
 */
public final class NabCorpusLoader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NabCorpusLoader() {}

  /**
   * Loads every CSV under {@code dir/data}.
   *
   * @throws IOException if a file cannot be read or parsed, a data file has no entry in {@code windows.json}, or a
   *     window edge is not a timestamp of its file
   */
  public static NabCorpus load(Path dir) throws IOException {
    JsonNode windows = readJson(dir.resolve("windows.json"));
    List<LabelledSeries> series = new ArrayList<>();
    for (String name : seriesNames(dir.resolve("data"))) {
      JsonNode fileWindows = windows.get(name);
      if (fileWindows == null) {
        throw new IOException(dir.resolve("windows.json") + ": no entry for " + name);
      }
      series.add(readSeries(dir.resolve("data").resolve(name), name, fileWindows));
    }
    Path profiles = dir.resolve("profiles.json");
    return new NabCorpus(series, Files.exists(profiles) ? readProfiles(profiles) : CostProfile.NAB_PROFILES);
  }

  /**
   * Reads NAB's {@code profiles.json}: {@code {"<name>": {"CostMatrix": {"tpWeight":…, "fpWeight":…, "fnWeight":…}}}}.
   *
   * @throws IOException if the file cannot be read or a weight is missing
   */
  public static List<CostProfile> readProfiles(Path file) throws IOException {
    List<CostProfile> profiles = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : readJson(file).properties()) {
      JsonNode matrix = entry.getValue().path("CostMatrix");
      profiles.add(new CostProfile(entry.getKey(), weight(file, matrix, "tpWeight"), weight(file, matrix, "fpWeight"),
          weight(file, matrix, "fnWeight")));
    }
    return profiles;
  }

  /** Corpus-relative names ({@code <category>/<name>.csv}, forward slashes) of every CSV under {@code dataDir}, sorted. */
  static List<String> seriesNames(Path dataDir) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      throw new IOException(dataDir + ": not a directory");
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      return files.filter(p -> p.toString().endsWith(".csv"))
          .map(p -> dataDir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static LabelledSeries readSeries(Path file, String name, JsonNode windowsJson) throws IOException {
    NabCsv csv = NabCsv.read(file);
    long[] timestamps = csv.timestamps();
    Map<Long, Integer> rowOf = new HashMap<>();
    for (int i = timestamps.length - 1; i >= 0; i--) {
      rowOf.put(timestamps[i], i); // iterating backwards keeps the first row of a repeated timestamp, as NAB does
    }
    try {
      List<LabelledWindow> windows = new ArrayList<>();
      for (JsonNode pair : windowsJson) {
        windows.add(new LabelledWindow(row(name, rowOf, pair.get(0)), row(name, rowOf, pair.get(1))));
      }
      return new LabelledSeries(name, timestamps, csv.doubles("value"), windows);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static int row(String name, Map<Long, Integer> rowOf, JsonNode edge) throws IOException {
    String text = edge == null ? "" : edge.asText();
    try {
      Integer row = rowOf.get(NabCsv.epochMillis(text));
      if (row == null) {
        throw new IOException(name + ": window edge '" + text + "' is not a timestamp of the file");
      }
      return row;
    } catch (DateTimeParseException e) {
      throw new IOException(name + ": bad window edge '" + text + "'", e);
    }
  }

  private static double weight(Path file, JsonNode matrix, String field) throws IOException {
    JsonNode node = matrix.get(field);
    if (node == null || !node.isNumber()) {
      throw new IOException(file + ": missing numeric " + field);
    }
    return node.asDouble();
  }

  private static JsonNode readJson(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IOException(file + ": not found");
    }
    return JSON.readTree(file.toFile());
  }
}
