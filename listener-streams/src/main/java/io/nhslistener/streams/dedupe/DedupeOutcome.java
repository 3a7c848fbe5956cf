package io.nhslistener.streams.dedupe;

import java.util.Locale;

/** What the dedupe stage did with a raw mention; the {@code outcome} label of {@code listener_dedupe_mentions_total}. */
enum DedupeOutcome {
  /** Forwarded as a first sighting. */
  UNIQUE,
  /** Dropped: its id was already seen (redelivery, overlapping polls, a repeated retraction). */
  DUPLICATE,
  /** Counted as an echo of the post it reposts (or of the repost of it that was seen first). */
  REPOST,
  /** Counted as an echo of a first sighting with a fingerprint within the distance limit. */
  NEAR_DUPLICATE,
  /** A retraction forwarded so that consumers storing the mention can remove it. */
  RETRACTION_FORWARDED,
  /** A retraction of a mention that was absorbed as an echo and never forwarded. */
  RETRACTION_DROPPED;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
