package io.nhslistener.ingest.mastodon;

import io.nhslistener.ingest.http.SseEvent;
import io.nhslistener.ingest.source.Item;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Which Mastodon streaming events are mentions: {@code update} and {@code status.update} (a status, new or edited) and
 * {@code delete} (a retraction). Notifications, announcements and filter changes are not.
 */
public final class MastodonEvents {
  private final MastodonStatusParser parser;
  private final Clock clock;

  public MastodonEvents(MastodonStatusParser parser, Clock clock) {
    this.parser = parser;
    this.clock = clock;
  }

  /** The item an event gives, or null when the event is not about a status. */
  public Item item(SseEvent event) {
    byte[] data = event.data().getBytes(StandardCharsets.UTF_8);
    return switch (event.type()) {
      case "update", "status.update" -> parser.status(data, clock.instant());
      case "delete" -> parser.delete(data, clock.instant());
      default -> null;
    };
  }
}
