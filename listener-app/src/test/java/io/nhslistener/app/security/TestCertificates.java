package io.nhslistener.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and the key stores signed by it, made with the JDK's own {@code keytool} (run as
 * a process, as an operator would): a trust store holding the CA, a broker key store for {@code 127.0.0.1} and
 * {@code localhost}, and a client key store for mutual TLS. All PKCS12, all protected by {@link #password()}.
 */
final class TestCertificates {
  private static final String VALIDITY_DAYS = "2";

  private final Path dir;
  private final String password;

  private TestCertificates(Path dir, String password) {
    this.dir = dir;
    this.password = password;
  }

  /** Generates everything under {@code dir}. */
  static TestCertificates generate(Path dir, String password) throws IOException, InterruptedException {
    TestCertificates certificates = new TestCertificates(dir, password);
    certificates.keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname",
        "CN=nhs-listener test CA", "-ext", "bc:c", "-validity", VALIDITY_DAYS, "-keystore", "ca.p12");
    certificates.keytool("-exportcert", "-alias", "ca", "-rfc", "-file", "ca.pem", "-keystore", "ca.p12");
    certificates.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore",
        "truststore.p12");
    certificates.signed("broker", "CN=localhost", "san=ip:127.0.0.1,dns:localhost");
    certificates.signed("client", "CN=listener-client", "eku=clientAuth");
    return certificates;
  }

  /** A key pair in {@code <name>.p12}, its certificate signed by the CA, with the CA in the chain. */
  private void signed(String name, String dname, String extension) throws IOException, InterruptedException {
    String store = name + ".p12";
    keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", dname, "-validity",
        VALIDITY_DAYS, "-keystore", store);
    keytool("-certreq", "-alias", name, "-file", name + ".csr", "-keystore", store);
    keytool("-gencert", "-alias", "ca", "-infile", name + ".csr", "-outfile", name + ".pem", "-rfc", "-ext",
        extension, "-validity", VALIDITY_DAYS, "-keystore", "ca.p12");
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store);
    keytool("-importcert", "-alias", name, "-file", name + ".pem", "-keystore", store);
  }

  private void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }


  Path trustStore() {
    return dir.resolve("truststore.p12");
  }

  Path brokerKeyStore() {
    return dir.resolve("broker.p12");
  }

  Path clientKeyStore() {
    return dir.resolve("client.p12");
  }
}
