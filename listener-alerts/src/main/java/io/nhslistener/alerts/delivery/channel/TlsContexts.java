package io.nhslistener.alerts.delivery.channel;

import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of outgoing deliveries. Certificates and host names are always verified: there is deliberately no
 * way to trust everything. An operator with an internal CA supplies a trust store instead.
 */
public final class TlsContexts {
  private TlsContexts() {}

  /**
   * The JVM's default context when {@code trustStore} is null, else one trusting exactly the certificates in it.
   *
   * @throws ConfigException naming {@code alerts.tls.trustStore} when the store cannot be read
   */
  public static SSLContext create(Path trustStore, String password) {
    try {
      if (trustStore == null) {
        return SSLContext.getDefault();
      }
      KeyStore store = KeyStore.getInstance(trustStore.toFile(), password == null ? null : password.toCharArray());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no TLS implementation", e);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      // KeyStore.getInstance(File, …) reports a missing or non-regular file as IllegalArgumentException.
      throw new ConfigException(List.of(new ConfigProblem(AlertsSettings.TRUST_STORE.name(), String.valueOf(trustStore),
          "cannot load the trust store: " + FailureClassifier.describe(e))));
    }
  }
}
