package io.nhslistener.streams.dedupe;

import io.nhslistener.core.model.Mention;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Forwards each first sighting once and absorbs its echoes, deciding on event time (the record timestamp) and the two
 * window stores only, so that replaying the same input after a restart makes the same decisions.
 *
 * <ul>
 *   <li>An id already seen within the horizon is an exact duplicate: dropped.
 *   <li>A repost ({@code repostOf}) of a post seen within the horizon, directly or through another repost, is an
 *       echo: the first sighting's echo count goes up and nothing is forwarded. A repost of an unseen post is itself
 *       the first sighting, and the post it names becomes an alias of it, so the original arriving later is an echo.
 *   <li>A text of at least {@link DedupeConfig#minWords()} words whose SimHash fingerprint is within
 *       {@link DedupeConfig#maxDistance()} bits of a first sighting's within the horizon is a near-duplicate echo.
 *   <li>Anything else is a first sighting: forwarded with echo count 0.
 *   <li>A retraction is forwarded once, unless it withdraws an echo (which was never forwarded). A mention arriving
 *       after its own retraction is dropped.
 * </ul>
 *
 * <p>Echo counts live in the sightings store (first sightings are not re-sent when they grow, so every id reaches
 * {@code listener.mentions.unique} exactly once). Must run on a single partition holding every mention: reposts and
 * near-duplicates of one post arrive under different keys.
 */
public final class DedupeProcessor implements Processor<String, Mention, String, Mention> {
  /** Store of sightings by mention id. */
  public static final String SIGHTINGS_STORE = "dedupe-sightings";
  /** Store of first sightings' fingerprints by band. */
  public static final String FINGERPRINTS_STORE = "dedupe-fingerprints";

  private final DedupeConfig config;
  private final DedupeMetrics metrics;
  private final SimHasher hasher = new SimHasher();
  private final long horizonMs;
  private ProcessorContext<String, Mention> context;
  private WindowStore<String, Sighting> sightings;
  private NearDuplicateIndex fingerprints;

  DedupeProcessor(DedupeConfig config, DedupeMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.horizonMs = config.horizon().toMillis();
  }

  @Override
  public void init(ProcessorContext<String, Mention> context) {
    this.context = context;
    this.sightings = context.getStateStore(SIGHTINGS_STORE);
    WindowStore<Bytes, byte[]> bands = context.getStateStore(FINGERPRINTS_STORE);
    this.fingerprints = new NearDuplicateIndex(bands, horizonMs, config.maxDistance());
  }

  @Override
  public void process(Record<String, Mention> record) {
    Mention mention = record.value();
    if (mention == null) {
      return; // a tombstone on the raw topic carries nothing to deduplicate
    }
    metrics.count(mention.source(), mention.retraction()
        ? retraction(record, mention)
        : mention(record, mention));
  }

  private DedupeOutcome mention(Record<String, Mention> record, Mention mention) {
    long time = record.timestamp();
    String id = mention.id();
    Found own = find(id, time);
    if (own != null && (own.sighting.kind() != Sighting.Kind.ALIAS || own.sighting.retracted())) {
      return DedupeOutcome.DUPLICATE;
    }
    if (own != null && countEcho(own.sighting.firstId(), time)) {
      // The original of a repost that was seen first.
      sightings.put(id, own.sighting.asEcho(own.sighting.firstId()), own.time);
      return DedupeOutcome.REPOST;
    }
    Found reposted = mention.repostOf() == null ? null : find(mention.repostOf(), time);
    if (reposted != null) {
      String first = reposted.sighting.firstOf(mention.repostOf());
      if (countEcho(first, time)) {
        sightings.put(id, Sighting.echoOf(first), time);
        return DedupeOutcome.REPOST;
      }
    }
    long fingerprint = hasher.hash(mention.text());
    boolean comparable = hasher.words() >= config.minWords();
    if (comparable) {
      String first = fingerprints.findNear(fingerprint, time);
      if (first != null && countEcho(first, time)) {
        sightings.put(id, Sighting.echoOf(first), time);
        aliasRepostTarget(mention, reposted, first, time);
        return DedupeOutcome.NEAR_DUPLICATE;
      }
    }
    context.forward(record.withKey(id));
    sightings.put(id, Sighting.first(), own == null ? time : own.time);
    aliasRepostTarget(mention, reposted, id, time);
    if (comparable) {
      fingerprints.add(fingerprint, id, time);
    }
    return DedupeOutcome.UNIQUE;
  }

  private DedupeOutcome retraction(Record<String, Mention> record, Mention mention) {
    long time = record.timestamp();
    Found own = find(mention.id(), time);
    if (own != null && own.sighting.retracted()) {
      return DedupeOutcome.DUPLICATE;
    }
    if (own != null) {
      sightings.put(mention.id(), own.sighting.asRetracted(), own.time);
      if (own.sighting.kind() == Sighting.Kind.ECHO) {
        return DedupeOutcome.RETRACTION_DROPPED;
      }
    } else {
      sightings.put(mention.id(), Sighting.first().asRetracted(), time);
    }
    context.forward(record.withKey(mention.id()));
    return DedupeOutcome.RETRACTION_FORWARDED;
  }

  /** Makes the post a repost names point to {@code first}, when that post was not seen yet. */
  private void aliasRepostTarget(Mention mention, Found reposted, String first, long time) {
    if (mention.repostOf() != null && reposted == null) {
      sightings.put(mention.repostOf(), Sighting.aliasOf(first), time);
    }
  }

  /** Adds one echo to first sighting {@code firstId}; false when it is not within the horizon of {@code time}. */
  private boolean countEcho(String firstId, long time) {
    Found first = find(firstId, time);
    if (first == null || first.sighting.kind() != Sighting.Kind.FIRST) {
      return false;
    }
    sightings.put(firstId, first.sighting.withOneMoreEcho(), first.time);
    return true;
  }

  /** The most recent sighting of {@code id} within the horizon of {@code time}, or null. */
  private Found find(String id, long time) {
    Found found = null;
    try (WindowStoreIterator<Sighting> entries = sightings.fetch(id, Math.max(0, time - horizonMs),
        time + horizonMs)) {
      while (entries.hasNext()) {
        KeyValue<Long, Sighting> entry = entries.next();
        found = new Found(entry.key, entry.value);
      }
    }
    return found;
  }

  /** A sighting and the timestamp it is stored under (updates overwrite it in place). */
  private record Found(long time, Sighting sighting) {}
}
