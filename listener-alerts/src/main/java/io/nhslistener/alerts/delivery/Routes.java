package io.nhslistener.alerts.delivery;

import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.alerts.AlertsSettings.ChatKeys;
import io.nhslistener.alerts.AlertsSettings.EmailKeys;
import io.nhslistener.alerts.AlertsSettings.LogKeys;
import io.nhslistener.alerts.AlertsSettings.RouteKeys;
import io.nhslistener.alerts.AlertsSettings.WebhookKeys;
import io.nhslistener.alerts.delivery.channel.Channel;
import io.nhslistener.alerts.delivery.channel.EmailChannel;
import io.nhslistener.alerts.delivery.channel.HttpSender;
import io.nhslistener.alerts.delivery.channel.LogChannel;
import io.nhslistener.alerts.delivery.channel.SlackChannel;
import io.nhslistener.alerts.delivery.channel.SmtpSettings;
import io.nhslistener.alerts.delivery.channel.TeamsChannel;
import io.nhslistener.alerts.delivery.channel.TlsContexts;
import io.nhslistener.alerts.delivery.channel.WebhookChannel;
import io.nhslistener.alerts.delivery.channel.WebhookSignature;
import io.nhslistener.alerts.delivery.message.PlainTextMessage;
import io.nhslistener.alerts.delivery.message.SlackMessage;
import io.nhslistener.alerts.delivery.message.TeamsMessage;
import io.nhslistener.alerts.delivery.message.Wording;
import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ConfigProblem;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.SectionEntry;
import io.nhslistener.core.model.QuietHours;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The routes of {@code listener.yaml}, each with its channel built and checked. Checks beyond what the schema can say
 * (URLs, addresses, secret length, quiet hours given in full) are collected and thrown together.
 */
public final class Routes {
  private final Map<String, Route> byId;

  /** Routes built elsewhere (tests, embedding). */
  public Routes(List<Route> routes) {
    Map<String, Route> map = new LinkedHashMap<>();
    for (Route route : routes) {
      if (map.put(route.id(), route) != null) {
        throw new IllegalArgumentException("duplicate route id " + route.id());
      }
    }
    this.byId = Map.copyOf(map);
  }

  /**
   * Builds every route of the configuration's {@code routes:} section.
   *
   * @throws ConfigException listing every invalid route setting, and an unreadable trust store
   */
  public static Routes fromConfig(ListenerConfig config, Clock clock) {
    SSLContext tls = TlsContexts.create(config.find(AlertsSettings.TRUST_STORE).orElse(null),
        config.find(AlertsSettings.TRUST_STORE_PASSWORD).orElse(null));
    Builder builder = new Builder(config, tls, clock);
    List<Route> routes = new ArrayList<>();
    for (SectionEntry entry : config.section(AlertsSettings.ROUTES.name())) {
      builder.build(entry).ifPresent(routes::add);
    }
    builder.problems.addAll(unknownDefaults(config, routes));
    if (!builder.problems.isEmpty()) {
      throw new ConfigException(builder.problems);
    }
    return new Routes(routes);
  }

  public Optional<Route> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Set<String> ids() {
    return byId.keySet();
  }

  private static List<ConfigProblem> unknownDefaults(ListenerConfig config, List<Route> routes) {
    List<ConfigProblem> problems = new ArrayList<>();
    Set<String> ids = routes.stream().map(Route::id).collect(Collectors.toSet());
    for (String id : config.get(AlertsSettings.DEFAULT_ROUTES)) {
      if (!ids.contains(id)) {
        problems.add(new ConfigProblem(AlertsSettings.DEFAULT_ROUTES.name(), id, "no route with this id under routes:"));
      }
    }
    return problems;
  }

  /** Builds one route at a time, collecting problems. */
  private static final class Builder {
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final ListenerConfig config;
    private final SSLContext tls;
    private final Clock clock;
    private final Wording wording;
    private final HttpSender http;

    Builder(ListenerConfig config, SSLContext tls, Clock clock) {
      this.config = config;
      this.tls = tls;
      this.clock = clock;
      this.wording = new Wording(config.get(AlertsSettings.TIME_ZONE));
      this.http = new HttpSender(tls, config.get(AlertsSettings.CONNECT_TIMEOUT),
          config.get(AlertsSettings.READ_TIMEOUT), config.get(AlertsSettings.MAX_RESPONSE_BYTES));
    }

    Optional<Route> build(SectionEntry entry) {
      int before = problems.size();
      String prefix = AlertsSettings.ROUTES.name() + "." + entry.id() + ".";
      QuietHours quiet = quietHours(entry, prefix);
      Channel channel = switch (entry.type()) {
        case "webhook" -> webhook(entry, prefix);
        case "slack" -> new SlackChannel(httpUrl(entry.get(ChatKeys.URL), prefix + "url", true),
            new SlackMessage(wording), http);
        case "teams" -> new TeamsChannel(httpUrl(entry.get(ChatKeys.URL), prefix + "url", true),
            new TeamsMessage(wording), http);
        case "email" -> email(entry, prefix);
        case "log" -> new LogChannel(entry.id(), entry.get(LogKeys.LEVEL), new PlainTextMessage(wording));
        default -> throw new IllegalStateException("the routes schema admits no channel " + entry.type());
      };
      return problems.size() == before ? Optional.of(new Route(entry.id(), channel, quiet)) : Optional.empty();
    }

    private Channel webhook(SectionEntry entry, String prefix) {
      URI url = httpUrl(entry.get(WebhookKeys.URL), prefix + "url", false);
      String secret = entry.get(WebhookKeys.SECRET);
      if (secret.length() < WebhookSignature.MIN_SECRET_LENGTH) {
        problems.add(new ConfigProblem(prefix + "secret", "****",
            "needs at least " + WebhookSignature.MIN_SECRET_LENGTH + " characters"));
        return null;
      }
      return new WebhookChannel(url, new WebhookSignature(secret), http, clock);
    }

    private Channel email(SectionEntry entry, String prefix) {
      InternetAddress from = address(entry.get(EmailKeys.FROM), prefix + "from");
      List<InternetAddress> to = new ArrayList<>();
      for (String recipient : entry.get(EmailKeys.TO)) {
        to.add(address(recipient, prefix + "to"));
      }
      if (to.isEmpty()) {
        problems.add(new ConfigProblem(prefix + "to", "[]", "needs at least one recipient"));
      }
      String username = entry.values().find(EmailKeys.USERNAME).orElse(null);
      String password = entry.values().find(EmailKeys.PASSWORD).orElse(null);
      if ((username == null) != (password == null)) {
        problems.add(new ConfigProblem(prefix + (username == null ? "username" : "password"), null,
            "username and password go together"));
      }
      SmtpSettings.Security security =
          SmtpSettings.Security.valueOf(entry.get(EmailKeys.SECURITY).toUpperCase(Locale.ROOT));
      if (security == SmtpSettings.Security.NONE && username != null) {
        problems.add(new ConfigProblem(prefix + "security", "none",
            "would send the SMTP password in clear text; use starttls or tls"));
      }
      if (problems.stream().anyMatch(p -> p.key().startsWith(prefix))) {
        return null;
      }
      SmtpSettings smtp = new SmtpSettings(entry.get(EmailKeys.HOST), entry.get(EmailKeys.PORT), security, username,
          password, from, to, entry.get(EmailKeys.SUBJECT_PREFIX), config.get(AlertsSettings.CONNECT_TIMEOUT),
          config.get(AlertsSettings.READ_TIMEOUT));
      return new EmailChannel(entry.id(), smtp, tls, wording, clock);
    }

    private QuietHours quietHours(SectionEntry entry, String prefix) {
      LocalTime from = entry.values().find(RouteKeys.QUIET_FROM).orElse(null);
      LocalTime to = entry.values().find(RouteKeys.QUIET_TO).orElse(null);
      if (from == null && to == null) {
        return null;
      }
      if (from == null || to == null) {
        problems.add(new ConfigProblem(prefix + (from == null ? "quietHours.from" : "quietHours.to"), null,
            "quiet hours need both from and to"));
        return null;
      }
      if (from.equals(to)) {
        problems.add(new ConfigProblem(prefix + "quietHours.to", to.toString(), "must differ from quietHours.from"));
        return null;
      }
      return new QuietHours(from, to, entry.get(RouteKeys.QUIET_ZONE).getId());
    }

    /**
     * An absolute http(s) URL with a host. Plain http is allowed to loopback receivers only (local tests and
     * fakes); anything crossing a network must use https. Chat URLs are credentials, so they are never echoed.
     */
    private URI httpUrl(String text, String key, boolean secret) {
      String shown = secret ? "****" : text;
      try {
        URI url = new URI(text.strip());
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
          problems.add(new ConfigProblem(key, shown, "expected an absolute https:// URL"));
          return null;
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
          problems.add(new ConfigProblem(key, shown, "must use https (plain http only to a loopback address)"));
          return null;
        }
        return url;
      } catch (URISyntaxException e) {
        problems.add(new ConfigProblem(key, shown, "not a valid URL: " + e.getReason()));
        return null;
      }
    }

    private InternetAddress address(String text, String key) {
      try {
        return new InternetAddress(text, true);
      } catch (AddressException e) {
        problems.add(new ConfigProblem(key, text, "not a valid e-mail address"));
        return null;
      }
    }

    private static boolean isLoopback(String host) {
      String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      if (bare.equalsIgnoreCase("localhost")) {
        return true;
      }
      if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
        return false;
      }
      try {
        return InetAddress.getByName(bare).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }
}
