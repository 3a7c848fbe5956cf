package io.nhslistener.alerts.nab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads NAB's CSV files: a header, then one row per timestamp. NAB's files have no quoted fields, so a plain comma
 * split is exact.
 */
final class NabCsv {
  private final Path file;
  private final List<String> header;
  private final List<String[]> rows;

  private NabCsv(Path file, List<String> header, List<String[]> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  static NabCsv read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null) {
        throw new IOException(file + ": empty file, expected a header");
      }
      List<String> header = Arrays.asList(first.trim().split(","));
      List<String[]> rows = new ArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
      return new NabCsv(file, header, rows);
    }
  }

  int size() {
    return rows.size();
  }

  long[] timestamps() throws IOException {
    int column = column("timestamp");
    long[] out = new long[rows.size()];
    for (int r = 0; r < out.length; r++) {
      String text = cell(r, column);
      try {
        out[r] = epochMillis(text);
      } catch (DateTimeParseException e) {
        throw new IOException(file + " row " + (r + 2) + ": bad timestamp '" + text + "'", e);
      }
    }
    return out;
  }

  double[] doubles(String name) throws IOException {
    int column = column(name);
    double[] out = new double[rows.size()];
    for (int r = 0; r < out.length; r++) {
      String text = cell(r, column);
      try {
        out[r] = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IOException(file + " row " + (r + 2) + ": bad " + name + " '" + text + "'", e);
      }
    }
    return out;
  }

  /**
   * Epoch milliseconds (UTC) of a NAB timestamp, {@code yyyy-MM-dd HH:mm:ss} with an optional fraction such as the
   * {@code .000000} suffix of {@code windows.json}, so both spellings of one instant compare equal.
   *
   * @throws DateTimeParseException if the text is not such a timestamp
   */
  static long epochMillis(String text) {
    return LocalDateTime.parse(text.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private int column(String name) throws IOException {
    int column = header.indexOf(name);
    if (column < 0) {
      throw new IOException(file + ": no '" + name + "' column in header " + header);
    }
    return column;
  }

  private String cell(int row, int column) throws IOException {
    String[] cells = rows.get(row);
    if (column >= cells.length) {
      throw new IOException(file + " row " + (row + 2) + ": missing column " + header.get(column));
    }
    return cells[column].trim();
  }
}
