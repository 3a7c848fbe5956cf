package io.nhslistener.alerts.delivery.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1 and localhost made with the JDK's keytool, as a key store for test servers
 * and a trust store holding only that certificate for the client.
 */
public final class TestCertificates {
  public static final String PASSWORD = "changeit";

  private final Path keyStore;
  private final Path trustStore;

  private TestCertificates(Path keyStore, Path trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  private static TestCertificates shared;

  /** One pair of stores for the whole test run, in a temporary directory (keytool takes a while). */
  public static synchronized TestCertificates shared() throws Exception {
    if (shared == null) {
      Path dir = Files.createTempDirectory("listener-test-tls");
      dir.toFile().deleteOnExit();
      shared = generate(dir);
      shared.keyStore.toFile().deleteOnExit();
      shared.trustStore.toFile().deleteOnExit();
    }
    return shared;
  }

  /** Generates both stores in {@code dir}. */
  public static TestCertificates generate(Path dir) throws Exception {
    Path keyStore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
        "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance(keyStore.toFile(), PASSWORD.toCharArray());
    Certificate certificate = keys.getCertificate("server");
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", certificate);
    Path trustStore = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trusted.store(out, PASSWORD.toCharArray());
    }
    return new TestCertificates(keyStore, trustStore);
  }

  public Path keyStore() {
    return keyStore;
  }

  public Path trustStore() {
    return trustStore;
  }

  /** The server side: presents the generated certificate. */
  public SSLContext serverContext() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    return context;
  }
}
