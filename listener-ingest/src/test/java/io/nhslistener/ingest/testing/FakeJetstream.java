package io.nhslistener.ingest.testing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Jetstream stand-in on loopback: on each connection it sends the frames of its timeline from the requested
 * {@code cursor} (all of them without one), as Jetstream replays from a cursor. A test decides per connection how many
 * frames to send, and whether the connection is then dropped (closed with an error code) or left open and idle.
 */
public final class FakeJetstream extends WebSocketServer {
  /** A frame and its {@code time_us} (0 for frames that are not events). */
  public record Frame(long timeUs, String text) {}

  /** How many frames connection {@code n} (from 1) sends; -1 for all of them, after which it stays open. */
  @FunctionalInterface
  public interface Script {
    int framesBeforeDrop(int connection);
  }

  private final List<Frame> timeline;
  private final Script script;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> resources = new CopyOnWriteArrayList<>();
  private final boolean dropAtLimit;

  /** @param dropAtLimit true to drop a connection once it sent its frames, false to leave it open and idle */
  public FakeJetstream(List<Frame> timeline, Script script, boolean dropAtLimit) {
    super(new InetSocketAddress("127.0.0.1", 0));
    this.timeline = List.copyOf(timeline);
    this.script = script;
    this.dropAtLimit = dropAtLimit;
    setReuseAddr(true);
  }

  public URI uri() {
    return URI.create("ws://127.0.0.1:" + getPort() + "/subscribe");
  }

  /** Request paths with queries, in connection order. */
  public List<String> resources() {
    return List.copyOf(resources);
  }

  @Override
  public void onOpen(WebSocket socket, ClientHandshake handshake) {
    resources.add(handshake.getResourceDescriptor());
    int n = connections.incrementAndGet();
    long cursor = cursorOf(handshake.getResourceDescriptor());
    int limit = script.framesBeforeDrop(n);
    int sent = 0;
    for (Frame frame : timeline) {
      if (frame.timeUs() != 0 && frame.timeUs() < cursor) {
        continue;
      }
      if (limit >= 0 && sent == limit) {
        if (dropAtLimit) {
          socket.close(1011, "dropped by test");
        }
        return;
      }
      socket.send(frame.text());
      sent++;
    }
  }

  private static long cursorOf(String resource) {
    int at = resource.indexOf("cursor=");
    if (at < 0) {
      return 0;
    }
    int end = resource.indexOf('&', at);
    return Long.parseLong(resource.substring(at + 7, end < 0 ? resource.length() : end));
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason, boolean remote) {}

  @Override
  public void onMessage(WebSocket socket, String message) {}

  @Override
  public void onError(WebSocket socket, Exception error) {}

  @Override
  public void onStart() {}
}
