package io.nhslistener.alerts.delivery.channel;

import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;

/**
 * How an e-mail route reaches its SMTP server.
 *
 * @param host server host
 * @param port server port
 * @param security {@link Security#STARTTLS} (required upgrade), {@link Security#TLS} (implicit TLS) or
 *     {@link Security#NONE}
 * @param username user for SMTP AUTH, or null for none
 * @param password password for SMTP AUTH, or null
 * @param from sender
 * @param to recipients, at least one
 * @param subjectPrefix text put before every subject
 * @param connectTimeout connect timeout
 * @param readTimeout timeout of each read and write on the connection
 */
public record SmtpSettings(String host, int port, Security security, String username, String password,
    InternetAddress from, List<InternetAddress> to, String subjectPrefix, Duration connectTimeout,
    Duration readTimeout) {

  /** Transport security. */
  public enum Security {
    STARTTLS,
    TLS,
    NONE
  }

  public SmtpSettings {
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("an e-mail route needs at least one recipient");
    }
  }

  @Override
  public String toString() {
    // Never print the password.
    return "SmtpSettings[" + host + ":" + port + ", " + security + ", user " + (username == null ? "none" : username)
        + "]";
  }
}
