package io.nhslistener.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.alerts.metrics.Health;
import io.nhslistener.alerts.metrics.MetricsServer;
import io.nhslistener.app.config.AppConfig;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.HostPort;
import io.nhslistener.core.config.ListenerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Everything that listens binds to loopback unless the configuration says otherwise: the metrics and health endpoint
 * and the embedded broker. Checked on the defaults and on a real socket: the endpoint answers on 127.0.0.1 and refuses
 * a connection to the machine's own non-loopback address.
 */
class LoopbackByDefaultTest {
  private final ListenerConfig defaults = AppConfig.loader(Map.of()).parse("", "(defaults)");

  @Test
  void theDefaultAddressesAreLoopback() throws IOException {
    assertTrue(InetAddress.getByName(defaults.get(CoreSettings.METRICS_ADDRESS).host()).isLoopbackAddress());
    assertTrue(InetAddress.getByName(defaults.get(CoreSettings.BROKER_HOST)).isLoopbackAddress());
  }

  @Test
  void theMetricsEndpointOnItsDefaultHostCannotBeReachedFromAnotherInterface() throws IOException {
    HostPort address = new HostPort(defaults.get(CoreSettings.METRICS_ADDRESS).host(), 0);
    try (MetricsServer server = MetricsServer.start(address, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        () -> new Health(Map.of("test", true)))) {
      int port = server.address().getPort();
      assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
      try (Socket local = new Socket(InetAddress.getLoopbackAddress(), port)) {
        assertTrue(local.isConnected());
      }
      Optional<InetAddress> external = nonLoopbackAddress();
      Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback address to try");
      assertThrows(IOException.class, () -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(external.get(), port), 2_000);
        }
      });
    }
  }

  @Test
  void bindingElsewhereIsExplicitConfiguration() {
    ListenerConfig open = AppConfig.loader(Map.of()).parse("metrics:\n  address: 0.0.0.0:9404\n", "explicit");
    assertEquals(new HostPort("0.0.0.0", 9404), open.get(CoreSettings.METRICS_ADDRESS));
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : List.copyOf(NetworkInterface.networkInterfaces().toList())) {
      if (nic.isUp() && !nic.isLoopback()) {
        Optional<InetAddress> address = nic.inetAddresses().filter(a -> !a.isLoopbackAddress()
            && !a.isLinkLocalAddress()).findFirst();
        if (address.isPresent()) {
          return address;
        }
      }
    }
    return Optional.empty();
  }
}
