package io.nhslistener.streams.windows;

import io.nhslistener.core.model.SampleMention;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of the stage's state-store values. The stores are rewritten on every mention, so this is a hot
 * path: plain {@link DataOutputStream} fields, no reflection, a leading format byte so a later layout can still read
 * changelogs written by this one.
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

  private interface Writer<T> {
    void write(DataOutputStream out, T value) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static <T> Serializer<T> serializer(Writer<T> writer) {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(FORMAT);
        writer.write(out, value);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot happen writing to memory", e);
      }
      return bytes.toByteArray();
    };
  }

  private static <T> Deserializer<T> deserializer(Reader<T> reader) {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
        byte format = in.readByte();
        if (format != FORMAT) {
          throw new IllegalStateException("window state written in format " + format + "; this build reads "
              + FORMAT);
        }
        return reader.read(in);
      } catch (IOException e) {
        throw new IllegalStateException("window state is truncated or corrupt", e);
      }
    };
  }

  private static void writeOrgWindows(DataOutputStream out, OrgWindows org) throws IOException {
    out.writeLong(org.frontier());
    out.writeInt(org.openWindows().size());
    for (WindowAggregate window : org.openWindows()) {
      writeAggregate(out, window);
    }
  }

  private static OrgWindows readOrgWindows(DataInputStream in) throws IOException {
    long frontier = in.readLong();
    int n = in.readInt();
    TreeMap<Long, WindowAggregate> open = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      WindowAggregate window = readAggregate(in);
      open.put(window.start(), window);
    }
    return new OrgWindows(frontier, open);
  }

  private static void writeAggregate(DataOutputStream out, WindowAggregate a) throws IOException {
    out.writeLong(a.start());
    out.writeLong(a.end());
    out.writeLong(a.count);
    out.writeLong(a.positive);
    out.writeLong(a.neutral);
    out.writeLong(a.negative);
    out.writeDouble(a.compoundSum);
    if (a.authors.isExact()) {
      long[] hashes = a.authors.hashes();
      out.writeByte(EXACT_AUTHORS);
      out.writeInt(hashes.length);
      for (long hash : hashes) {
        out.writeLong(hash);
      }
    } else {
      byte[] registers = a.authors.registerBytes();
      out.writeByte(SKETCHED_AUTHORS);
      out.writeInt(registers.length);
      out.write(registers);
    }
    writeCounts(out, a.terms.counts());
    writeCounts(out, a.sources);
    writeSamples(out, a.samples.engaged());
    writeSamples(out, a.samples.negative());
  }

  private static WindowAggregate readAggregate(DataInputStream in) throws IOException {
    long start = in.readLong();
    long end = in.readLong();
    long count = in.readLong();
    long positive = in.readLong();
    long neutral = in.readLong();
    long negative = in.readLong();
    double compoundSum = in.readDouble();
    byte authorForm = in.readByte();
    int n = in.readInt();
    AuthorSketch authors;
    if (authorForm == EXACT_AUTHORS) {
      long[] hashes = new long[n];
      for (int i = 0; i < n; i++) {
        hashes[i] = in.readLong();
      }
      authors = AuthorSketch.exact(hashes);
    } else {
      byte[] registers = new byte[n];
      in.readFully(registers);
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

  private static void writeCounts(DataOutputStream out, Map<String, Long> counts) throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      writeString(out, entry.getKey());
      out.writeLong(entry.getValue());
    }
  }

  private static void readCounts(DataInputStream in, Map<String, Long> into) throws IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      into.put(readString(in), in.readLong());
    }
  }

  private static void writeSamples(DataOutputStream out, List<SampleMention> samples) throws IOException {
    out.writeInt(samples.size());
    for (SampleMention s : samples) {
      writeString(out, s.id());
      writeString(out, s.url());
      writeString(out, s.text());
      out.writeDouble(s.compound());
      out.writeLong(s.engagement());
    }
  }

  private static List<SampleMention> readSamples(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<SampleMention> samples = new ArrayList<>(SamplePicker.LIMIT + 1);
    for (int i = 0; i < n; i++) {
      samples.add(new SampleMention(readString(in), readString(in), readString(in), in.readDouble(), in.readLong()));
    }
    return samples;
  }

  /** Length-prefixed UTF-8 (not {@code writeUTF}, which stops at 64 KiB); -1 for null. */
  private static void writeString(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
