package io.nhslistener.ingest.bluesky;

import io.nhslistener.ingest.http.HttpResponses;
import io.nhslistener.ingest.source.HttpStatusException;
import io.nhslistener.ingest.stream.StreamingConnector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bluesky through Jetstream: a WebSocket {@code …/subscribe?wantedCollections=app.bsky.feed.post&wantedCollections=
 * app.bsky.feed.repost&cursor=<time_us>}. The position is the {@code time_us} of the last committed event; a
 * reconnection asks for events from that time minus a safety margin (Jetstream's clocks across instances are not
 * exact) and drops the events at or before the committed one, so nothing is lost or repeated.
 */
public final class JetstreamConnector extends StreamingConnector {
  private static final int MAX_BATCH = 1000;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final URI endpoint;
  private final Duration safetyMargin;
  private final HttpClient http;
  private final Clock clock;
  private final JetstreamEventParser parser = new JetstreamEventParser();
  private volatile WebSocket socket;

  /**
   * @param endpoint the subscribe address, e.g. {@code wss://jetstream2.us-east.bsky.network/subscribe}
   * @param safetyMargin how far before the committed cursor a reconnection starts
   */
  public JetstreamConnector(String sourceId, URI endpoint, Duration safetyMargin, HttpClient http,
      Duration stallTimeout, Clock clock) {
    super(sourceId, MAX_BATCH, stallTimeout, clock);
    this.endpoint = endpoint;
    this.safetyMargin = safetyMargin;
    this.http = http;
    this.clock = clock;
  }

  @Override
  protected void stream(String position, Sink sink) throws IOException, InterruptedException {
    long committed = position == null ? -1 : Long.parseLong(position);
    Listener listener = new Listener(sink, committed);
    WebSocket webSocket;
    try {
      webSocket = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
          .buildAsync(subscribeUri(committed), listener).get(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException handshake) {
        throw new HttpStatusException(handshake.getResponse().statusCode(),
            HttpResponses.retryAfter(handshake.getResponse().headers(), clock).orElse(null), "jetstream subscribe");
      }
      throw e.getCause() instanceof IOException io ? io : new IOException("cannot connect to jetstream", e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("jetstream connection timed out", e);
    }
    socket = webSocket;
    try {
      throw listener.closed.get();
    } catch (ExecutionException e) {
      throw new IOException("jetstream connection failed", e.getCause());
    } finally {
      webSocket.abort();
    }
  }

  @Override
  protected void disconnect() {
    WebSocket webSocket = socket;
    if (webSocket != null) {
      webSocket.abort();
    }
  }

  URI subscribeUri(long committed) {
    String uri = endpoint + "?wantedCollections=" + JetstreamEventParser.POST + "&wantedCollections="
        + JetstreamEventParser.REPOST;
    if (committed >= 0) {
      uri += "&cursor=" + Math.max(0, committed - safetyMargin.toNanos() / 1000);
    }
    return URI.create(uri);
  }

  /** Collects text frames (which may arrive in parts) and requests the next only after queueing: back-pressure. */
  private final class Listener implements WebSocket.Listener {
    private final Sink sink;
    private final StringBuilder frame = new StringBuilder();
    private final CompletableFuture<IOException> closed = new CompletableFuture<>();
    private long newest;

    Listener(Sink sink, long committed) {
      this.sink = sink;
      this.newest = committed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      frame.append(data);
      if (last) {
        byte[] bytes = frame.toString().getBytes(StandardCharsets.UTF_8);
        frame.setLength(0);
        try {
          accept(bytes);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          closed.complete(new IOException("reader replaced"));
          return null;
        }
      }
      webSocket.request(1);
      return null;
    }

    private void accept(byte[] bytes) throws InterruptedException {
      JetstreamEventParser.Event event = parser.parse(bytes, clock.instant());
      if (event.timeUs() > 0 && event.timeUs() <= newest) {
        sink.alive();
        return;
      }
      if (event.timeUs() > 0) {
        newest = event.timeUs();
      }
      if (event.item().isPresent()) {
        Instant eventTime = event.timeUs() > 0
            ? Instant.ofEpochSecond(event.timeUs() / 1_000_000, (event.timeUs() % 1_000_000) * 1000) : null;
        sink.emit(event.item().get(), newest > 0 ? Long.toString(newest) : null, eventTime);
      } else {
        sink.alive();
      }
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      sink.alive();
      return WebSocket.Listener.super.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new IOException("jetstream closed the connection (" + statusCode + ")"));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(error instanceof IOException io ? io : new IOException("jetstream connection failed", error));
    }
  }
}
