package io.nhslistener.streams.dedupe;

/**
 * What the dedupe stage remembers about one mention id within the horizon.
 *
 * @param kind how the id was seen
 * @param firstId for {@link Kind#ECHO} and {@link Kind#ALIAS}, the first sighting it belongs to; null for
 *     {@link Kind#FIRST}
 * @param echoes for {@link Kind#FIRST}, how many echoes were counted against it
 * @param retracted true once a retraction of this id went through
 */
record Sighting(Kind kind, String firstId, long echoes, boolean retracted) {
  /** How an id was seen. */
  enum Kind {
    /** Forwarded as a first sighting. */
    FIRST,
    /** Seen and absorbed as a repost or near-duplicate of {@code firstId}. */
    ECHO,
    /** Not seen itself: named by a repost that became the first sighting {@code firstId}. */
    ALIAS
  }

  static Sighting first() {
    return new Sighting(Kind.FIRST, null, 0, false);
  }

  static Sighting echoOf(String firstId) {
    return new Sighting(Kind.ECHO, firstId, 0, false);
  }

  static Sighting aliasOf(String firstId) {
    return new Sighting(Kind.ALIAS, firstId, 0, false);
  }

  /** The first sighting this id belongs to: itself when it is one. */
  String firstOf(String id) {
    return kind == Kind.FIRST ? id : firstId;
  }

  Sighting withOneMoreEcho() {
    return new Sighting(kind, firstId, echoes + 1, retracted);
  }

  Sighting asEcho(String first) {
    return new Sighting(Kind.ECHO, first, echoes, retracted);
  }

  Sighting asRetracted() {
    return new Sighting(kind, firstId, echoes, true);
  }
}
