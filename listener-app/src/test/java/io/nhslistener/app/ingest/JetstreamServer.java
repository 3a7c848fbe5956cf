package io.nhslistener.app.ingest;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Jetstream stand-in on loopback for the ingest integration tests: each connection gets the frames of a fixed
 * timeline from the requested {@code cursor} on (as Jetstream replays from a cursor), paced in small bursts so that a
 * test can act while the stream is flowing. Records every frame it sent.
 */
final class JetstreamServer extends WebSocketServer {
  /** One frame and the {@code time_us} it carries (0 for a frame that is not a valid event). */
  record Frame(long timeUs, String text) {}

  private final List<Frame> timeline;
  private final int burst;
  private final List<String> resources = new CopyOnWriteArrayList<>();
  private final Set<String> sent = ConcurrentHashMap.newKeySet();

  /** @param burst frames sent between pauses of one millisecond */
  JetstreamServer(List<Frame> timeline, int burst) {
    super(new InetSocketAddress("127.0.0.1", 0));
    this.timeline = List.copyOf(timeline);
    this.burst = burst;
    setReuseAddr(true);
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + getPort() + "/subscribe");
  }

  List<String> resources() {
    return List.copyOf(resources);
  }

  /** Texts of every frame sent on any connection. */
  Set<String> sentFrames() {
    return Set.copyOf(sent);
  }

  @Override
  public void onOpen(WebSocket socket, ClientHandshake handshake) {
    String resource = handshake.getResourceDescriptor();
    resources.add(resource);
    long cursor = cursorOf(resource);
    Thread writer = new Thread(() -> {
      int inBurst = 0;
      for (Frame frame : timeline) {
        if (frame.timeUs() != 0 && frame.timeUs() < cursor) {
          continue;
        }
        if (!socket.isOpen()) {
          return;
        }
        socket.send(frame.text());
        sent.add(frame.text());
        if (++inBurst == burst) {
          inBurst = 0;
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }, "jetstream-writer");
    writer.setDaemon(true);
    writer.start();
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
