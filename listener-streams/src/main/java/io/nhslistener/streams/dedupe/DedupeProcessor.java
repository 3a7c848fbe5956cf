package io.nhslistener.streams.dedupe;

import io.nhslistener.core.model.Mention;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

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
 * near-duplicates of one post arrive under different keys. State is one changelogged window store read through an
 * in-memory index ({@link Sightings}).
 */
public final class DedupeProcessor implements Processor<String, Mention, String, Mention> {
  /** Store of sightings by mention id, at the event time of the sighting. */
  public static final String SIGHTINGS_STORE = "dedupe-sightings";

  private final DedupeConfig config;
  private final DedupeMetrics metrics;
  private final SimHasher hasher = new SimHasher();
  private ProcessorContext<String, Mention> context;
  private Sightings sightings;

  DedupeProcessor(DedupeConfig config, DedupeMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Mention> context) {
    this.context = context;
    WindowStore<String, Sighting> store = context.getStateStore(SIGHTINGS_STORE);
    this.sightings = new Sightings(store, config.horizon().toMillis(), config.maxDistance());
    sightings.load();
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
    Sightings.Entry own = sightings.find(id, time);
    if (own != null && (own.sighting.kind() != Sighting.Kind.ALIAS || own.sighting.retracted())) {
      return DedupeOutcome.DUPLICATE;
    }
    if (own != null && countEcho(own.sighting.firstId(), time)) {
      // The original of a repost that was seen first.
      sightings.put(id, own.sighting.asEcho(own.sighting.firstId()), own.time);
      return DedupeOutcome.REPOST;
    }
    Sightings.Entry reposted = mention.repostOf() == null ? null : sightings.find(mention.repostOf(), time);
    if (reposted != null && countEcho(reposted.sighting.firstOf(mention.repostOf()), time)) {
      sightings.put(id, Sighting.echoOf(reposted.sighting.firstOf(mention.repostOf())), time);
      return DedupeOutcome.REPOST;
    }
    long fingerprint = hasher.hash(mention.text());
    boolean comparable = hasher.words() >= config.minWords();
    if (comparable) {
      String first = sightings.findNear(fingerprint, time);
      if (first != null && countEcho(first, time)) {
        sightings.put(id, Sighting.echoOf(first), time);
        aliasRepostTarget(mention, reposted, first, time);
        return DedupeOutcome.NEAR_DUPLICATE;
      }
    }
    context.forward(record.withKey(id));
    sightings.put(id, comparable ? Sighting.first(fingerprint) : Sighting.first(), time);
    aliasRepostTarget(mention, reposted, id, time);
    return DedupeOutcome.UNIQUE;
  }

  private DedupeOutcome retraction(Record<String, Mention> record, Mention mention) {
    long time = record.timestamp();
    Sightings.Entry own = sightings.find(mention.id(), time);
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
  private void aliasRepostTarget(Mention mention, Sightings.Entry reposted, String first, long time) {
    if (mention.repostOf() != null && reposted == null) {
      sightings.put(mention.repostOf(), Sighting.aliasOf(first), time);
    }
  }

  /** Adds one echo to first sighting {@code firstId}; false when it is not within the horizon of {@code time}. */
  private boolean countEcho(String firstId, long time) {
    Sightings.Entry first = sightings.find(firstId, time);
    if (first == null || first.sighting.kind() != Sighting.Kind.FIRST) {
      return false;
    }
    sightings.put(firstId, first.sighting.withOneMoreEcho(), first.time);
    return true;
  }
}
