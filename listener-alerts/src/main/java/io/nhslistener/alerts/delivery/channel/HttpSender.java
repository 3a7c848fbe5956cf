package io.nhslistener.alerts.delivery.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.core.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * POSTs a body to a receiver the way every HTTP channel must: certificates and host names verified, redirects never
 * followed (a signed request must not be re-sent elsewhere), a connect timeout, one deadline for the complete
 * response, and at most {@code maxResponseBytes} of the reply read. Thread-safe.
 */
public final class HttpSender {
  private static final String USER_AGENT = "nhs-listener-alerts/1";
  private static final int SNIPPET = 200;

  private final HttpClient client;
  private final Duration readTimeout;
  private final int maxResponseBytes;

  public HttpSender(SSLContext tls, Duration connectTimeout, Duration readTimeout, int maxResponseBytes) {
    this.client = HttpClient.newBuilder()
        .sslContext(tls)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.readTimeout = readTimeout;
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * Sends {@code body} and returns the 2xx status.
   *
   * @param headers extra request headers ({@code Content-Type} included)
   * @throws DeliveryException classified by {@link FailureClassifier}; the URL is never part of its message
   */
  public int post(URI url, Map<String, String> headers, byte[] body) throws DeliveryException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(readTimeout)
        .header("User-Agent", USER_AGENT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request.build(), info -> new CappedBody(maxResponseBytes));
    HttpResponse<byte[]> response;
    try {
      // The request timeout covers the wait for headers only; this deadline also bounds a slowly dripping body.
      response = pending.get(readTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw DeliveryException.retriable("no complete response within " + readTimeout.toMillis() + " ms", null, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw withoutUrl(FailureClassifier.io(io), url);
      }
      throw DeliveryException.retriable("request failed: " + FailureClassifier.describe(cause), null, cause);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw DeliveryException.retriable("interrupted while sending", null, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return status;
    }
    throw FailureClassifier.httpStatus(status, retryAfter(response), snippet(response.body()));
  }

  /** Sends a JSON tree as {@code application/json; charset=utf-8}; see {@link #post}. */
  public int postJson(URI url, JsonNode body) throws DeliveryException {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
    return post(url, Map.of("Content-Type", "application/json; charset=utf-8"), bytes);
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After")
        .filter(value -> value.strip().matches("\\d{1,7}"))
        .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
        .orElse(null);
  }

  private static String snippet(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ").strip();
    return text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text;
  }

  /** Defence in depth: should an I/O message ever quote the URL, it must not carry a Slack or Teams credential. */
  private static DeliveryException withoutUrl(DeliveryException e, URI url) {
    String path = url.getRawPath() == null || url.getRawPath().length() < 2 ? null : url.getRawPath();
    String message = e.getMessage();
    if (!message.contains(url.toString()) && (path == null || !message.contains(path))) {
      return e;
    }
    String cleaned = message.replace(url.toString(), "<url>");
    if (path != null) {
      cleaned = cleaned.replace(path, "<path>");
    }
    return e.isRetriable()
        ? DeliveryException.retriable(cleaned, e.retryAfter().orElse(null), null)
        : DeliveryException.permanent(cleaned, null);
  }
}
