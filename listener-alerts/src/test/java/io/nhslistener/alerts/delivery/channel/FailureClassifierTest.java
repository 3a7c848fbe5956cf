package io.nhslistener.alerts.delivery.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureClassifierTest {
  @ParameterizedTest
  @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
  void busyOrBrokenReceiversAreRetried(int status) {
    assertTrue(FailureClassifier.httpStatus(status, null, "").isRetriable());
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 307, 400, 401, 403, 404, 410, 413, 422})
  void rejectedRequestsAreNot(int status) {
    assertFalse(FailureClassifier.httpStatus(status, null, "").isRetriable());
  }

  @Test
  void keepsTheRetryAfterAndTheResponseSnippet() {
    DeliveryException e = FailureClassifier.httpStatus(429, Duration.ofSeconds(30), "rate_limited");
    assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
    assertEquals("receiver answered HTTP 429: rate_limited", e.getMessage());
  }

  @Test
  void redirectsSayTheyAreNotFollowed() {
    assertTrue(FailureClassifier.httpStatus(302, null, "").getMessage().contains("redirects are not followed"));
  }

  @Test
  void ioFailuresAreRetried() {
    assertTrue(FailureClassifier.io(new ConnectException("Connection refused")).isRetriable());
    assertTrue(FailureClassifier.io(new HttpTimeoutException("request timed out")).isRetriable());
    assertTrue(FailureClassifier.io(new SSLHandshakeException("PKIX path building failed")).isRetriable());
  }

  @Test
  void smtpAuthenticationAndPermanentRepliesAreNotRetried() throws Exception {
    assertFalse(FailureClassifier.mail(new AuthenticationFailedException("535 bad credentials")).isRetriable());
    InternetAddress to = new InternetAddress("comms@example.nhs.uk");
    MessagingException refused = new MessagingException("send failed",
        new SMTPAddressFailedException(to, "RCPT TO", 550, "550 no such user"));
    assertFalse(FailureClassifier.mail(refused).isRetriable());
    MessagingException busy = new MessagingException("send failed",
        new SMTPSendFailedException("DATA", 451, "451 try later", null, null, null, null));
    assertTrue(FailureClassifier.mail(busy).isRetriable());
    assertTrue(FailureClassifier.mail(new MessagingException("Could not connect to SMTP host",
        new ConnectException("Connection refused"))).isRetriable());
  }
}
