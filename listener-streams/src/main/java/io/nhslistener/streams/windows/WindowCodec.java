package io.nhslistener.streams.windows;

import io.nhslistener.core.model.SampleMention;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of the stage's state-store values. The stores are rewritten on every mention, so this is a hot
 * path: fixed-width fields in a {@link ByteBuffer}, no reflection, a leading format byte so a later layout can still
 * read changelogs written by this one. Thread-safe (no shared buffers: one serde serves every task).
 */
final class WindowCodec {
  private static final byte FORMAT = 1;
  private static final byte EXACT_AUTHORS = 0;
  private static final byte SKETCHED_AUTHORS = 1;

  private WindowCodec() {}

  static Serde<OrgWindows> orgWindowsSerde() {
    return Serdes.serdeFrom(serializer(WindowCodec::writeOrgWindows), deserializer(WindowCodec::readOrgWindows));
  }

  static Serde<WindowAggregate> aggregateSerde() {
    return Serdes.serdeFrom(serializer(WindowCodec::writeAggregate), deserializer(WindowCodec::readAggregate));
  }

  private static <T> Serializer<T> serializer(BiConsumer<Writer, T> write) {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      Writer out = new Writer();
      out.buffer.put(FORMAT);
      write.accept(out, value);
      return out.toBytes();
    };
  }

  private static <T> Deserializer<T> deserializer(Function<ByteBuffer, T> read) {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      ByteBuffer in = ByteBuffer.wrap(data);
      try {
        byte format = in.get();
        if (format != FORMAT) {
          throw new IllegalStateException("window state written in format " + format + "; this build reads "
              + FORMAT);
        }
        return read.apply(in);
      } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
          | NegativeArraySizeException e) {
        throw new IllegalStateException("window state is truncated or corrupt", e);
      }
    };
  }

  private static void writeOrgWindows(Writer out, OrgWindows org) {
    out.ensure(12);
    out.buffer.putLong(org.frontier()).putInt(org.openWindows().size());
    for (WindowAggregate window : org.openWindows()) {
      writeAggregate(out, window);
    }
  }

  private static OrgWindows readOrgWindows(ByteBuffer in) {
    long frontier = in.getLong();
    int n = in.getInt();
    TreeMap<Long, WindowAggregate> open = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      WindowAggregate window = readAggregate(in);
      open.put(window.start(), window);
    }
    return new OrgWindows(frontier, open);
  }

  private static void writeAggregate(Writer out, WindowAggregate a) {
    out.ensure(8 * 7 + 5);
    out.buffer.putLong(a.start()).putLong(a.end()).putLong(a.count).putLong(a.positive).putLong(a.neutral)
        .putLong(a.negative).putDouble(a.compoundSum);
    if (a.authors.isExact()) {
      long[] hashes = a.authors.hashes();
      out.buffer.put(EXACT_AUTHORS).putInt(hashes.length);
      out.ensure(8 * hashes.length);
      out.buffer.asLongBuffer().put(hashes);
      out.buffer.position(out.buffer.position() + 8 * hashes.length);
    } else {
      byte[] registers = a.authors.registerBytes();
      out.buffer.put(SKETCHED_AUTHORS).putInt(registers.length);
      out.ensure(registers.length);
      out.buffer.put(registers);
    }
    writeCounts(out, a.terms.counts());
    writeCounts(out, a.sources);
    writeSamples(out, a.samples.engaged());
    writeSamples(out, a.samples.negative());
  }

  private static WindowAggregate readAggregate(ByteBuffer in) {
    long start = in.getLong();
    long end = in.getLong();
    long count = in.getLong();
    long positive = in.getLong();
    long neutral = in.getLong();
    long negative = in.getLong();
    double compoundSum = in.getDouble();
    byte authorForm = in.get();
    int n = in.getInt();
    AuthorSketch authors;
    if (authorForm == EXACT_AUTHORS) {
      long[] hashes = new long[n];
      in.asLongBuffer().get(hashes);
      in.position(in.position() + 8 * n);
      authors = AuthorSketch.exact(hashes);
    } else {
      byte[] registers = new byte[n];
      in.get(registers);
      authors = AuthorSketch.registers(registers);
    }
    TermCounter terms = new TermCounter();
    readCounts(in, terms.counts());
    Map<String, Long> sources = new TreeMap<>();
    readCounts(in, sources);
    SamplePicker samples = new SamplePicker(readSamples(in), readSamples(in));
    WindowAggregate a = new WindowAggregate(start, end, authors, terms, sources, samples);
    a.count = count;
    a.positive = positive;
    a.neutral = neutral;
    a.negative = negative;
    a.compoundSum = compoundSum;
    return a;
  }

  private static void writeCounts(Writer out, Map<String, Long> counts) {
    out.ensure(4);
    out.buffer.putInt(counts.size());
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      out.putString(entry.getKey());
      out.ensure(8);
      out.buffer.putLong(entry.getValue());
    }
  }

  private static void readCounts(ByteBuffer in, Map<String, Long> into) {
    int n = in.getInt();
    for (int i = 0; i < n; i++) {
      into.put(readString(in), in.getLong());
    }
  }

  private static void writeSamples(Writer out, List<SampleMention> samples) {
    out.ensure(4);
    out.buffer.putInt(samples.size());
    for (SampleMention s : samples) {
      out.putString(s.id());
      out.putString(s.url());
      out.putString(s.text());
      out.ensure(16);
      out.buffer.putDouble(s.compound()).putLong(s.engagement());
    }
  }

  private static List<SampleMention> readSamples(ByteBuffer in) {
    int n = in.getInt();
    List<SampleMention> samples = new ArrayList<>(SamplePicker.LIMIT + 1);
    for (int i = 0; i < n; i++) {
      samples.add(new SampleMention(readString(in), readString(in), readString(in), in.getDouble(), in.getLong()));
    }
    return samples;
  }

  private static String readString(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0) {
      return null;
    }
    String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return value;
  }

  /** A growable, unsynchronised output buffer. */
  private static final class Writer {
    ByteBuffer buffer = ByteBuffer.allocate(1024);

    void ensure(int bytes) {
      if (buffer.remaining() < bytes) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
        bigger.put(buffer.array(), 0, buffer.position());
        buffer = bigger;
      }
    }

    /** Length-prefixed UTF-8; -1 for null. */
    void putString(String value) {
      if (value == null) {
        ensure(4);
        buffer.putInt(-1);
        return;
      }
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      ensure(4 + bytes.length);
      buffer.putInt(bytes.length).put(bytes);
    }

    byte[] toBytes() {
      return Arrays.copyOf(buffer.array(), buffer.position());
    }
  }
}
