package io.nhslistener.ingest.runner;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.privacy.Pseudonymiser;
import io.nhslistener.core.privacy.Redactor;
import io.nhslistener.ingest.source.Item;

/**
 * Applies privacy by design to a post before it can reach Kafka: the author handle becomes a keyed pseudonym and is
 * dropped, and the text is redacted. A post that needs neither change (a replayed, already private mention) is
 * returned as it is, without copying.
 */
public final class MentionPrivacy {
  private final Pseudonymiser pseudonymiser;

  public MentionPrivacy(Pseudonymiser pseudonymiser) {
    this.pseudonymiser = pseudonymiser;
  }

  public Mention apply(Item.Post post) {
    Mention mention = post.mention();
    String authorKey = post.authorHandle() == null
        ? mention.authorKey()
        : pseudonymiser.authorKey(mention.source(), post.authorHandle());
    String text = Redactor.redact(mention.text());
    // Identity, not equality: the redactor returns the same instance when it found nothing.
    if (text == mention.text() && authorKey == mention.authorKey()) {
      return mention;
    }
    return mention.toBuilder().authorKey(authorKey).text(text).build();
  }
}
