package io.nhslistener.alerts.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of Prometheus text exposition format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats):
 * every line is a {@code # HELP}, a {@code # TYPE}, another comment, or a sample
 * {@code name{label="value",…} value [timestamp]}; names and label names follow the data model's grammar; label values
 * use only the escapes {@code \\}, {@code \"} and {@code \n}; values are Go floats ({@code NaN}, {@code +Inf},
 * {@code -Inf} included); a family's TYPE comes once and before its samples; histogram samples are {@code _bucket}
 * (with {@code le}), {@code _sum} and {@code _count}; no series appears twice. The Prometheus Java client in our
 * dependency tree only writes this format, so the check is written out here, with its own tests.
 */
public final class PrometheusText {
  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") ?(.*)");
  private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?|Inf|NaN)");

  private PrometheusText() {}

  /**
   * Parses a whole exposition.
   *
   * @throws IllegalArgumentException naming the line number and what is wrong
   */
  public static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new HashMap<>();
    Set<String> familiesWithSamples = new HashSet<>();
    Set<String> series = new HashSet<>();
    String[] lines = text.split("\n", -1);
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition must end with a line feed");
    }
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i];
      int number = i + 1;
      if (line.startsWith("#")) {
        Matcher type = TYPE.matcher(line);
        if (type.matches()) {
          if (types.put(type.group(1), type.group(2)) != null) {
            throw fail(number, "second TYPE for " + type.group(1));
          }
          if (familiesWithSamples.contains(type.group(1))) {
            throw fail(number, "TYPE of " + type.group(1) + " after its samples");
          }
        } else if (line.startsWith("# TYPE")) {
          throw fail(number, "malformed TYPE line: " + line);
        } else if (line.startsWith("# HELP") && !HELP.matcher(line).matches()) {
          throw fail(number, "malformed HELP line: " + line);
        } else if (line.startsWith("# HELP") && !validEscapes(HELP.matcher(line).replaceAll("$2"), false)) {
          throw fail(number, "bad escape in HELP: " + line);
        }
        continue;
      }
      if (line.isBlank()) {
        throw fail(number, "blank line");
      }
      Sample sample = sample(line, number);
      String family = family(sample.name(), types);
      familiesWithSamples.add(family);
      String type = types.getOrDefault(family, "untyped");
      if (type.equals("histogram")) {
        boolean bucket = sample.name().equals(family + "_bucket");
        if (!bucket && !sample.name().equals(family + "_sum") && !sample.name().equals(family + "_count")) {
          throw fail(number, "histogram sample " + sample.name() + " is not _bucket, _sum or _count");
        }
        if (bucket && !sample.labels().containsKey("le")) {
          throw fail(number, "bucket without le");
        }
      }
      if (!series.add(sample.name() + sample.labels())) {
        throw fail(number, "duplicate series " + sample.name() + sample.labels());
      }
      samples.add(sample);
    }
    return samples;
  }

  private static String family(String name, Map<String, String> types) {
    if (types.containsKey(name)) {
      return name;
    }
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        if (types.containsKey(base)) {
          return base;
        }
      }
    }
    return name;
  }

  private static Sample sample(String line, int number) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    if (!NAME.matcher(name).matches()) {
      throw fail(number, "bad metric name '" + name + "'");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i = labels(line, i + 1, labels, number);
    }
    if (i >= line.length() || line.charAt(i) != ' ') {
      throw fail(number, "expected a space before the value");
    }
    String[] rest = line.substring(i + 1).split(" ", -1);
    if (rest.length < 1 || rest.length > 2 || !FLOAT.matcher(rest[0]).matches()) {
      throw fail(number, "bad value '" + line.substring(i + 1) + "'");
    }
    if (rest.length == 2 && !rest[1].matches("-?\\d+")) {
      throw fail(number, "bad timestamp '" + rest[1] + "'");
    }
    return new Sample(name, labels, parseFloat(rest[0]));
  }

  private static int labels(String line, int start, Map<String, String> labels, int number) {
    int i = start;
    while (true) {
      if (i < line.length() && line.charAt(i) == '}') {
        return i + 1;
      }
      int equals = line.indexOf('=', i);
      if (equals < 0) {
        throw fail(number, "label without '='");
      }
      String labelName = line.substring(i, equals);
      if (!LABEL_NAME.matcher(labelName).matches()) {
        throw fail(number, "bad label name '" + labelName + "'");
      }
      if (equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
        throw fail(number, "label value must be quoted");
      }
      StringBuilder value = new StringBuilder();
      int j = equals + 2;
      for (; j < line.length() && line.charAt(j) != '"'; j++) {
        char c = line.charAt(j);
        if (c == '\\') {
          char next = j + 1 < line.length() ? line.charAt(j + 1) : ' ';
          switch (next) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw fail(number, "bad escape in label value");
          }
          j++;
        } else {
          value.append(c);
        }
      }
      if (j >= line.length()) {
        throw fail(number, "unterminated label value");
      }
      if (labels.put(labelName, value.toString()) != null) {
        throw fail(number, "label " + labelName + " twice");
      }
      i = j + 1;
      if (i < line.length() && line.charAt(i) == ',') {
        i++;
      } else if (i >= line.length() || line.charAt(i) != '}') {
        throw fail(number, "expected ',' or '}' after a label");
      }
    }
  }

  private static boolean validEscapes(String text, boolean allowQuote) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        if (next != '\\' && next != 'n' && !(allowQuote && next == '"')) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  private static double parseFloat(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN", "+NaN", "-NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  private static IllegalArgumentException fail(int line, String why) {
    return new IllegalArgumentException("line " + line + ": " + why);
  }
}
