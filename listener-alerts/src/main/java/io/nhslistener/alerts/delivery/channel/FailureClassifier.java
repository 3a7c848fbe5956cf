package io.nhslistener.alerts.delivery.channel;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * The one place that decides whether a failed delivery is worth retrying.
 *
 * <ul>
 *   <li>HTTP: 408, 425, 429 and every 5xx are retriable (the receiver is busy or broken for now); any other status,
 *       including redirects, which are never followed, is permanent: the request or the URL is wrong and will stay
 *       wrong.</li>
 *   <li>I/O (refused connection, timeout, TLS handshake): retriable. A certificate the JVM does not trust is usually
 *       fixed by the receiver, and {@code alerts.delivery.maxAge} bounds the retries anyway.</li>
 *   <li>SMTP: failed authentication and addresses the server refuses (5xx) are permanent; 4xx replies, lost
 *       connections and anything else are retriable.</li>
 * </ul>
 */
public final class FailureClassifier {
  private FailureClassifier() {}

  /** The failure for a non-2xx HTTP status. */
  public static DeliveryException httpStatus(int status, Duration retryAfter, String responseSnippet) {
    String message = "receiver answered HTTP " + status + (responseSnippet.isEmpty() ? "" : ": " + responseSnippet);
    boolean retriable = status == 408 || status == 425 || status == 429 || status >= 500;
    if (status >= 300 && status < 400) {
      message += " (redirects are not followed; configure the final URL)";
    }
    return retriable
        ? DeliveryException.retriable(message, retryAfter, null)
        : DeliveryException.permanent(message, null);
  }

  /** The failure for an I/O error before a complete response arrived. */
  public static DeliveryException io(IOException e) {
    return DeliveryException.retriable("cannot reach the receiver: " + describe(e), null, e);
  }

  /** The failure for an SMTP error. */
  public static DeliveryException mail(MessagingException e) {
    String message = "SMTP: " + describe(e);
    if (e instanceof AuthenticationFailedException) {
      return DeliveryException.permanent("SMTP authentication failed; check username and password", e);
    }
    int code = replyCode(e);
    if (code >= 500) {
      return DeliveryException.permanent(message, e);
    }
    return DeliveryException.retriable(message, null, e);
  }

  private static int replyCode(MessagingException e) {
    for (Exception next = e; next != null;
        next = next instanceof MessagingException m ? m.getNextException() : null) {
      if (next instanceof SMTPSendFailedException failed) {
        return failed.getReturnCode();
      }
      if (next instanceof SMTPAddressFailedException failed) {
        return failed.getReturnCode();
      }
    }
    return -1;
  }

  /** Exception type and message on one line, without the cause chain's noise. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    String text = e.getClass().getSimpleName() + (message == null ? "" : " " + message.strip());
    text = text.replaceAll("\\s+", " ");
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
