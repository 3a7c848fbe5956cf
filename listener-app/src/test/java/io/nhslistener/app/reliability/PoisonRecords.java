package io.nhslistener.app.reliability;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Fuzzed records that no stage may accept, in every shape issue 9 names: invalid JSON, wrong types, a null key with an
 * unreadable value, a null value, invalid UTF-8, texts of a megabyte, JSON nested deeper than any record, raw control
 * characters. Each is built without any listener code, from a seed, so a run can be repeated.
 */
final class PoisonRecords {
  /** The shapes, in the order they rotate. */
  enum Kind {
    INVALID_JSON, WRONG_TYPES, NULL_KEY, NULL_VALUE, INVALID_UTF8, ONE_MEGABYTE, DEEP_NESTING, CONTROL_CHARACTERS
  }

  /** One megabyte (decimal) of text: under the broker's 1 MiB record limit with its JSON around it. */
  static final int MEGABYTE_TEXT = 1_000_000;
  /** Megabyte records per topic: each costs a megabyte on every hop, so a few make the point. */
  static final int MEGABYTE_RECORDS = 4;

  private final Random random;

  PoisonRecords(long seed) {
    this.random = new Random(seed);
  }

  /** A key and value; either may be null. */
  record Poison(Kind kind, byte[] key, byte[] value) {}

  /**
   * The {@code n}-th poison record of a topic: kinds rotate, except that only the first {@link #MEGABYTE_RECORDS}
   * turns of {@link Kind#ONE_MEGABYTE} are a megabyte (later turns are invalid JSON instead).
   */
  Poison next(int n, String key) {
    Kind kind = Kind.values()[n % Kind.values().length];
    if (kind == Kind.ONE_MEGABYTE && n / Kind.values().length >= MEGABYTE_RECORDS) {
      kind = Kind.INVALID_JSON;
    }
    byte[] keyBytes = utf8(key);
    return switch (kind) {
      case INVALID_JSON -> new Poison(kind, keyBytes, utf8(invalidJson()));
      case WRONG_TYPES -> new Poison(kind, keyBytes, utf8(wrongTypes()));
      case NULL_KEY -> new Poison(kind, null, utf8("{\"v\":1,\"id\":" + random.nextInt() + ",\"text\":"));
      case NULL_VALUE -> new Poison(kind, keyBytes, null);
      case INVALID_UTF8 -> new Poison(kind, keyBytes, invalidUtf8());
      case ONE_MEGABYTE -> new Poison(kind, keyBytes, utf8(megabyte()));
      case DEEP_NESTING -> new Poison(kind, keyBytes, utf8(deep(2_000 + random.nextInt(8_000))));
      case CONTROL_CHARACTERS -> new Poison(kind, keyBytes, utf8(controlCharacters()));
    };
  }

  private String invalidJson() {
    String[] shapes = {
        "{\"v\":1,\"id\":\"x:" + random.nextInt() + "\",\"text\":",
        "not json at all " + random.nextLong(),
        "{\"v\":1,,}",
        "[1,2,3",
        "{\"v\":1 \"orgId\":\"ashdown\"}",
        "",
        "{\"v\":1}{\"v\":1}",
    };
    return shapes[random.nextInt(shapes.length)];
  }

  /** Every field any record has, each with a type no record accepts. */
  private String wrongTypes() {
    return "{\"v\":\"one\",\"id\":" + random.nextInt() + ",\"source\":[true],\"text\":{\"t\":1},\"createdAt\":false,"
        + "\"ingestedAt\":[],\"orgId\":" + random.nextInt() + ",\"mention\":\"m\",\"windowStart\":{},"
        + "\"windowEnd\":1.5,\"count\":\"many\",\"kind\":7,\"severity\":[],\"status\":{},\"since\":\"later\","
        + "\"explanation\":null}";
  }

  private byte[] invalidUtf8() {
    byte[] prefix = utf8("{\"v\":1,\"id\":\"x:");
    byte[] suffix = utf8("\",\"orgId\":\"ashdown\"}");
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) (0x80 + random.nextInt(0x40))};
    byte[] value = new byte[prefix.length + bad.length + suffix.length];
    System.arraycopy(prefix, 0, value, 0, prefix.length);
    System.arraycopy(bad, 0, value, prefix.length, bad.length);
    System.arraycopy(suffix, 0, value, prefix.length + bad.length, suffix.length);
    return value;
  }

  private String megabyte() {
    return "{\"v\":1,\"id\":\"x:big" + random.nextInt() + "\",\"source\":\"x\",\"orgId\":\"ashdown\",\"text\":\""
        + "a".repeat(MEGABYTE_TEXT) + "\",\"createdAt\":\"2025-03-03T09:00:00Z\","
        + "\"ingestedAt\":\"2025-03-03T09:00:00Z\"}";
  }

  private static String deep(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  private String controlCharacters() {
    char control = (char) (1 + random.nextInt(0x1E));
    return "{\"v\":1,\"id\":\"x:" + control + random.nextInt() + "\",\"text\":\"bell" + (char) 7 + "nul" + (char) 0
        + "\"}";
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
