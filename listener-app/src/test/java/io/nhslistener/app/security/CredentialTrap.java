package io.nhslistener.app.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for a social API on loopback that refuses every request with 401 and keeps the {@code Authorization}
 * header each one carried, so a test can tell that a credential was really sent. Optionally HTTPS with a key store
 * whose certificate the JVM does not trust: then no request should ever get through.
 */
final class CredentialTrap implements AutoCloseable {
  private final HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final String scheme;

  private CredentialTrap(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    server.createContext("/", this::refuse);
    server.start();
  }

  /** Plain HTTP. */
  static CredentialTrap http() throws IOException {
    return new CredentialTrap(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0),
        "http");
  }

  /** HTTPS presenting the first key of {@code keyStore} (PKCS12). */
  static CredentialTrap https(Path keyStore, String password) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new CredentialTrap(server, "https");
  }

  String url() {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The {@code Authorization} headers received, in order. */
  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  private void refuse(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(authorization == null ? "" : authorization);
      exchange.sendResponseHeaders(401, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
