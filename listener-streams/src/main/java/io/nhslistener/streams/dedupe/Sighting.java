package io.nhslistener.streams.dedupe;

/**
 * What the dedupe stage remembers about one mention id within the horizon.
 *
 * @param kind how the id was seen
 * @param firstId for {@link Kind#ECHO} and {@link Kind#ALIAS}, the first sighting it belongs to; null for
 *     {@link Kind#FIRST}
 * @param echoes for {@link Kind#FIRST}, how many echoes were counted against it
 * @param retracted true once a retraction of this id went through
 * @param fingerprint for a comparable first sighting, its text's SimHash fingerprint
 * @param comparable true for a first sighting long enough for near-duplicate detection
 */
record Sighting(Kind kind, String firstId, long echoes, boolean retracted, long fingerprint, boolean comparable) {
  /** How an id was seen. */
  enum Kind {
    /** Forwarded as a first sighting. */
    FIRST,
    /** Seen and absorbed as a repost or near-duplicate of {@code firstId}. */
    ECHO,
    /** Not seen itself: named by a repost that became the first sighting {@code firstId}. */
    ALIAS
  }

  /** A first sighting too short for near-duplicate detection (or a placeholder for a retracted unseen id). */
  static Sighting first() {
    return new Sighting(Kind.FIRST, null, 0, false, 0, false);
  }

  /** A first sighting whose text has {@code fingerprint}. */
  static Sighting first(long fingerprint) {
    return new Sighting(Kind.FIRST, null, 0, false, fingerprint, true);
  }

  static Sighting echoOf(String firstId) {
    return new Sighting(Kind.ECHO, firstId, 0, false, 0, false);
  }

  static Sighting aliasOf(String firstId) {
    return new Sighting(Kind.ALIAS, firstId, 0, false, 0, false);
  }

  /** The first sighting this id belongs to: itself when it is one. */
  String firstOf(String id) {
    return kind == Kind.FIRST ? id : firstId;
  }

  Sighting withOneMoreEcho() {
    return new Sighting(kind, firstId, echoes + 1, retracted, fingerprint, comparable);
  }

  /** This id, absorbed as an echo of {@code first}. */
  Sighting asEcho(String first) {
    return new Sighting(Kind.ECHO, first, echoes, retracted, 0, false);
  }

  Sighting asRetracted() {
    return new Sighting(kind, firstId, echoes, true, fingerprint, comparable);
  }
}
