package io.nhslistener.alerts;

import io.nhslistener.core.config.ConfigSchema;
import io.nhslistener.core.config.Setting;
import io.nhslistener.core.config.TypedSection;
import io.nhslistener.core.config.ValueType;
import io.nhslistener.core.config.ValueTypes;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alerts role's configuration: top-level {@code alerts.*} keys and the schemas of the {@code routes:} section, one
 * per channel. The application composes {@link #ALL} into its schema and {@link #ROUTES} into its typed sections.
 */
public final class AlertsSettings {
  /** A time of day written {@code HH:mm}, e.g. {@code 22:00}. */
  public static final ValueType<LocalTime> LOCAL_TIME = raw -> {
    try {
      return LocalTime.parse(ValueTypes.STRING.parse(raw).trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected a time of day such as 07:30 or 22:00");
    }
  };

  /** A time-zone id such as {@code Europe/London}. */
  public static final ValueType<ZoneId> ZONE = raw -> {
    try {
      return ZoneId.of(ValueTypes.STRING.parse(raw).trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("expected a time-zone id such as Europe/London");
    }
  };

  public static final Setting<String> DASHBOARD_URL = Setting.optional("alerts.dashboardUrl", ValueTypes.STRING,
      "http://127.0.0.1:3000", "Grafana base URL that alert messages link to (the dashboard filtered to the "
          + "organisation and time range)");

  public static final Setting<ZoneId> TIME_ZONE = Setting.optional("alerts.timeZone", ZONE, ZoneId.of("Europe/London"),
      "Time zone in which messages state times (\"since 14:20 on Tue 3 Jun\")");

  public static final Setting<List<String>> DEFAULT_ROUTES = Setting.optional("alerts.defaultRoutes",
      ValueTypes.STRING_LIST, List.of(), "Route ids used for organisations whose watch names no route, and for "
          + "alerts of organisations missing from the watchlist");

  public static final Setting<Duration> COOLDOWN = Setting.optional("alerts.cooldown",
      ValueTypes.durationIn(Duration.ZERO, Duration.ofDays(7)), Duration.ofMinutes(30),
      "After a notified alert, further new alerts of the same organisation and kind are suppressed this long "
          + "(escalations and resolved notices still go out); 0 disables");

  public static final Setting<Duration> GROUP_WINDOW = Setting.optional("alerts.groupWindow",
      ValueTypes.durationIn(Duration.ZERO, Duration.ofMinutes(10)), Duration.ofSeconds(20),
      "Alerts reaching a route within this interval of the first are sent as one message (not for webhooks, which "
          + "get one request per alert); 0 sends each at once");

  public static final Setting<String> GROUP_ID = Setting.optional("alerts.delivery.groupId", ValueTypes.STRING,
      "listener-alerts-delivery", "Kafka consumer group of the delivery consumer of listener.alerts");

  public static final Setting<Duration> INITIAL_BACKOFF = Setting.optional("alerts.delivery.initialBackoff",
      ValueTypes.durationIn(Duration.ofMillis(10), Duration.ofMinutes(10)), Duration.ofSeconds(2),
      "Wait before the first retry of a failed delivery; doubles with each retry, with jitter");

  public static final Setting<Duration> MAX_BACKOFF = Setting.optional("alerts.delivery.maxBackoff",
      ValueTypes.durationIn(Duration.ofMillis(10), Duration.ofHours(1)), Duration.ofMinutes(5),
      "Longest wait between two delivery attempts");

  public static final Setting<Duration> MAX_AGE = Setting.optional("alerts.delivery.maxAge",
      ValueTypes.durationIn(Duration.ZERO, Duration.ofDays(7)), Duration.ofHours(2),
      "How long a failing delivery is retried from its first attempt before it goes to listener.deadletter");

  public static final Setting<Duration> CONNECT_TIMEOUT = Setting.optional("alerts.http.connectTimeout",
      ValueTypes.durationIn(Duration.ofMillis(100), Duration.ofMinutes(2)), Duration.ofSeconds(5),
      "Connect timeout of outgoing webhook, Slack and Teams requests and of SMTP connections");

  public static final Setting<Duration> READ_TIMEOUT = Setting.optional("alerts.http.readTimeout",
      ValueTypes.durationIn(Duration.ofMillis(100), Duration.ofMinutes(5)), Duration.ofSeconds(15),
      "Longest wait for a receiver's complete response (or an SMTP server's reply)");

  public static final Setting<Integer> MAX_RESPONSE_BYTES = Setting.optional("alerts.http.maxResponseBytes",
      ValueTypes.intIn(256, 10 * 1024 * 1024), 64 * 1024,
      "Most bytes of a receiver's response body that are read; the rest is discarded");

  public static final Setting<Path> TRUST_STORE = Setting.optional("alerts.tls.trustStore", ValueTypes.PATH, null,
      "PKCS12 or JKS trust store replacing the JVM's CA certificates for alert delivery (HTTPS and SMTP), e.g. an "
          + "internal CA; absent means the JVM's defaults. Certificates are always verified");

  public static final Setting<String> TRUST_STORE_PASSWORD = Setting.secret("alerts.tls.trustStorePassword",
      "Password of alerts.tls.trustStore, if it has one");

  public static final Setting<String> APPLICATION_ID = Setting.optional("alerts.applicationId", ValueTypes.STRING,
      "nhs-listener-alerts", "Kafka Streams application.id of the detection topology (listener.org.stats to "
          + "listener.alerts): consumer group, internal topic prefix and state directory name");

  public static final Setting<Duration> WINDOW = Setting.optional("alerts.window",
      ValueTypes.durationIn(Duration.ofSeconds(1), Duration.ofDays(1)), Duration.ofMinutes(1),
      "Length of the base windows the detector judges; must equal streams.window (longer roll-ups on "
          + "listener.org.stats are ignored)");

  public static final List<Setting<?>> ALL = List.of(DASHBOARD_URL, TIME_ZONE, DEFAULT_ROUTES, COOLDOWN, GROUP_WINDOW,
      GROUP_ID, INITIAL_BACKOFF, MAX_BACKOFF, MAX_AGE, CONNECT_TIMEOUT, READ_TIMEOUT, MAX_RESPONSE_BYTES, TRUST_STORE,
      TRUST_STORE_PASSWORD, APPLICATION_ID, WINDOW);

  /** Settings every route has, whatever its channel. */
  public static final class RouteKeys {
    public static final Setting<LocalTime> QUIET_FROM = Setting.optional("quietHours.from", LOCAL_TIME, null,
        "Start of this route's daily quiet hours: non-critical alerts are held for a digest (needs quietHours.to)");
    public static final Setting<LocalTime> QUIET_TO = Setting.optional("quietHours.to", LOCAL_TIME, null,
        "End of this route's quiet hours, when the digest is sent; may be earlier than from (wraps midnight)");
    public static final Setting<ZoneId> QUIET_ZONE = Setting.optional("quietHours.zone", ZONE,
        ZoneId.of("Europe/London"), "Time zone of quietHours.from and quietHours.to");

    static final List<Setting<?>> COMMON = List.of(QUIET_FROM, QUIET_TO, QUIET_ZONE);

    private RouteKeys() {}
  }

  /** Keys of a {@code channel: webhook} route. */
  public static final class WebhookKeys {
    public static final Setting<String> URL = Setting.required("url", ValueTypes.STRING,
        "Receiver URL (https recommended); each alert is POSTed as JSON");
    public static final Setting<String> SECRET = Setting.requiredSecret("secret",
        "Shared secret (at least 16 characters) for the HMAC-SHA256 signature the receiver verifies");

    private WebhookKeys() {}
  }

  /** Keys of a {@code channel: slack} or {@code channel: teams} route. */
  public static final class ChatKeys {
    public static final Setting<String> URL = Setting.requiredSecret("url",
        "Incoming webhook URL (Slack) or workflow webhook URL (Teams); it is a credential, keep it out of the file "
            + "with ${env:…} or ${file:…}");

    private ChatKeys() {}
  }

  /** Keys of a {@code channel: email} route. */
  public static final class EmailKeys {
    public static final Setting<String> HOST = Setting.required("host", ValueTypes.STRING, "SMTP server host");
    public static final Setting<Integer> PORT = Setting.optional("port", ValueTypes.intIn(1, 65_535), 587,
        "SMTP server port: 587 for starttls, 465 for tls");
    public static final Setting<String> SECURITY = Setting.optional("security",
        ValueTypes.oneOf("starttls", "tls", "none"), "starttls",
        "starttls (upgrade required, never falls back to plain text), tls (implicit TLS, port 465), or none "
            + "(only for a local mail catcher)");
    public static final Setting<String> USERNAME = Setting.optional("username", ValueTypes.STRING, null,
        "SMTP user; authentication is used when given");
    public static final Setting<String> PASSWORD = Setting.secret("password", "SMTP password");
    public static final Setting<String> FROM = Setting.required("from", ValueTypes.STRING, "Sender address");
    public static final Setting<List<String>> TO = Setting.required("to", ValueTypes.STRING_LIST,
        "Recipient addresses");
    public static final Setting<String> SUBJECT_PREFIX = Setting.optional("subjectPrefix", ValueTypes.STRING,
        "[NHS listener]", "Text put before every subject");

    private EmailKeys() {}
  }

  /** Keys of a {@code channel: log} route. */
  public static final class LogKeys {
    public static final Setting<String> LEVEL = Setting.optional("level", ValueTypes.oneOf("info", "warn"), "warn",
        "Log level of the alert lines");

    private LogKeys() {}
  }

  /** The channels a route may use, each with its schema. */
  public static final Map<String, ConfigSchema> ROUTE_TYPES = Map.of(
      "webhook", routeSchema(WebhookKeys.URL, WebhookKeys.SECRET),
      "slack", routeSchema(ChatKeys.URL),
      "teams", routeSchema(ChatKeys.URL),
      "email", routeSchema(EmailKeys.HOST, EmailKeys.PORT, EmailKeys.SECURITY, EmailKeys.USERNAME,
          EmailKeys.PASSWORD, EmailKeys.FROM, EmailKeys.TO, EmailKeys.SUBJECT_PREFIX),
      "log", routeSchema(LogKeys.LEVEL));

  /** The {@code routes:} section: a map from route id to an entry whose {@code channel} names its type. */
  public static final TypedSection ROUTES = new TypedSection("routes", true, "channel", ROUTE_TYPES);

  private AlertsSettings() {}

  private static ConfigSchema routeSchema(Setting<?>... channelKeys) {
    List<Setting<?>> all = new ArrayList<>(List.of(channelKeys));
    all.addAll(RouteKeys.COMMON);
    return ConfigSchema.of(all);
  }
}
