package io.nhslistener.alerts.delivery.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nhslistener.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {
  @TempDir Path dir;

  @Test
  void aMissingTrustStoreIsAConfigurationProblemNamingTheKey() {
    Path missing = dir.resolve("nowhere.p12");
    ConfigException e = assertThrows(ConfigException.class, () -> TlsContexts.create(missing, "password"));
    assertEquals("alerts.tls.trustStore", e.problems().get(0).key());
    assertEquals(missing.toString(), e.problems().get(0).value());
  }

  @Test
  void aFileThatIsNoKeyStoreIsAConfigurationProblemNamingTheKey() throws Exception {
    Path text = Files.writeString(dir.resolve("store.p12"), "not a key store");
    ConfigException e = assertThrows(ConfigException.class, () -> TlsContexts.create(text, "password"));
    assertEquals("alerts.tls.trustStore", e.problems().get(0).key());
  }
}
