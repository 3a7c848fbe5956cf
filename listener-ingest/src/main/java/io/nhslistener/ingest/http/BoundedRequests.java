package io.nhslistener.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests that fetch a whole answer (feeds, listings, timelines, stream rules): one deadline for the complete
 * response, headers and body, and a cap on its size, so that a server that stalls mid-answer or answers without end
 * can neither hang a source nor exhaust the heap. Certificates and host names are verified by the client as always.
 * Streams (SSE, NDJSON, WebSocket) are bounded by their stall timeout instead.
 */
public final class BoundedRequests {
  /** Longest wait for a complete answer. */
  public static final Duration DEADLINE = Duration.ofSeconds(60);
  /** Largest answer read: far above any real page (a listing of 100 posts is well under 1 MiB). */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private BoundedRequests() {}

  /**
   * Sends {@code request} and reads the whole answer within {@link #DEADLINE}, at most {@link #MAX_BYTES}.
   *
   * @throws HttpTimeoutException when the answer is not complete in time
   * @throws IOException when the answer is larger than the cap, or on any network failure
   */
  public static HttpResponse<byte[]> send(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    return send(http, request, DEADLINE, MAX_BYTES);
  }

  static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, Duration deadline, int maxBytes)
      throws IOException, InterruptedException {
    HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(deadline).build();
    CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(timed, info -> new CappedBody(maxBytes));
    try {
      return pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + deadline.toSeconds() + " s");
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("request failed: " + e.getCause(), e.getCause());
    }
  }

  /** Collects the body, failing as soon as it grows past {@code max} bytes (a cut answer would mislead a parser). */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new IOException("answer larger than " + max + " bytes"));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
