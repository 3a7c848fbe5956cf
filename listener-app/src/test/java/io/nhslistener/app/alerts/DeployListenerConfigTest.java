package io.nhslistener.app.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.alerts.delivery.Routes;
import io.nhslistener.app.config.AppConfig;
import io.nhslistener.app.process.Watchlists;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.watch.LoadedWatchlist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The docker-compose stack's listener configuration passes the listener's own checks: the full configuration schema,
 * the routes (channels built), and the watchlist against those routes.
 */
class DeployListenerConfigTest {
  private static Path repo(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
      dir = dir.getParent();
    }
    assertTrue(dir != null, "no repository root above " + Path.of("").toAbsolutePath());
    return dir.resolve(relative);
  }

  @Test
  void theComposeListenerConfigurationAndWatchlistAreValid() {
    ListenerConfig config = AppConfig.loader(Map.of("LISTENER_HMAC_KEY", "compose-test-key"))
        .load(repo("deploy/listener/listener.yaml"));
    assertEquals("kafka:9092", config.kafka().get("bootstrap.servers"));
    assertEquals("0.0.0.0", config.get(CoreSettings.METRICS_ADDRESS).host());
    Routes routes = Routes.fromConfig(config, Clock.systemUTC());
    assertEquals(List.of("comms-email", "console"), routes.ids().stream().sorted().toList());

    LoadedWatchlist watchlist = Watchlists.load(repo("deploy/listener/watchlist.yaml"), Watchlists.routeIds(config));
    assertEquals(List.of("kingsbridge", "northshire", "wessex-vale-icb"),
        watchlist.watches().stream().map(Watch::orgId).sorted().toList());
  }
}
