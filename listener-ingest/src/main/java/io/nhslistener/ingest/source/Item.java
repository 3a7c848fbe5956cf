package io.nhslistener.ingest.source;

import io.nhslistener.core.model.Mention;

/** One thing a connector read from its source: a post to publish, or a payload it could not understand. */
public sealed interface Item permits Item.Post, Item.Malformed {

  /**
   * A post before privacy processing: {@code mention} carries the source's text as it came (not yet redacted) and no
   * author key; {@code authorHandle} is the handle or account id the runner pseudonymises and then discards. A replayed
   * {@code Mention} that already has an author key comes with a null handle.
   *
   * @param mention the post, with unredacted text
   * @param authorHandle the author as the source names them, or null
   */
  record Post(Mention mention, String authorHandle) implements Item {}

  /**
   * A payload that is not a valid post: dead-lettered with its raw bytes and counted, never fatal.
   *
   * @param payload the raw bytes as received
   * @param reason what is wrong: the field, the value and why (no author handle, no post text)
   */
  record Malformed(byte[] payload, String reason) implements Item {}
}
