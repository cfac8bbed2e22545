package com.cycube.notification.webhooks;

import com.cycube.support.observation.ExternalCalls;
import io.micrometer.observation.ObservationRegistry;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * POSTs one webhook over HTTP with the JDK client: redirects are never followed (a 3xx is a failure), connecting and
 * answering are bounded by {@code connect-timeout} and {@code request-timeout}, at most {@code max-response-bytes} of
 * the answer are read and the rest discarded. Each call is observed ({@code cycube_external_call_seconds{system="webhook"}}).
 * It never throws: the outcome says what happened.
 */
@Component
public class WebhookSender {

    static final String USER_AGENT = "CyCube-Webhooks/1";
    private static final int EXCERPT_CHARS = 200;

    /** What an attempt came to: a status (null without an answer), its duration, an error class, the answer's start. */
    public record Outcome(Integer status, long latencyMs, String error, String excerpt) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        static Outcome failed(String error, long latencyMs) {
            return new Outcome(null, latencyMs, error, null);
        }
    }

    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxResponseBytes;
    private final ObservationRegistry observations;

    public WebhookSender(WebhookProperties properties, ObservationRegistry observations) {
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = properties.requestTimeout();
        this.maxResponseBytes = properties.maxResponseBytes();
        this.observations = observations;
    }

    public Outcome post(URI url, Map<String, String> headers, String body) {
        return ExternalCalls.observe(observations, "webhook", "deliver", () -> send(url, headers, body));
    }

    private Outcome send(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", "application/json").header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request.build(),
                info -> new CappedBody(maxResponseBytes));
        try {
            // the request timeout bounds the wait for the answer's headers; this bounds reading its body too
            HttpResponse<byte[]> response = call.get(requestTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Outcome(status, millisSince(started), ok ? null : "HTTP_" + status, excerpt(response.body()));
        } catch (TimeoutException slowBody) {
            call.cancel(true);
            return Outcome.failed("TIMEOUT", millisSince(started));
        } catch (ExecutionException failed) {
            return Outcome.failed(errorClass(failed.getCause()), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return Outcome.failed("INTERRUPTED", millisSince(started));
        }
    }

    private static String errorClass(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "CONNECT_TIMEOUT";
        }
        if (cause instanceof HttpTimeoutException) {
            return "TIMEOUT";
        }
        if (cause instanceof ConnectException) {
            return "CONNECTION_REFUSED";
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "TLS_ERROR";
        }
        return "CONNECTION_ERROR";
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** The first characters of an answer, printable ASCII only: enough to tell what the receiver said, nothing more. */
    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
        StringBuilder clean = new StringBuilder();
        for (int i = 0; i < text.length() && clean.length() < EXCERPT_CHARS; i++) {
            char c = text.charAt(i);
            clean.append(c >= 0x20 && c < 0x7f ? c : ' ');
        }
        String result = clean.toString().strip();
        return result.isEmpty() ? null : result;
    }

    /** Keeps the first {@code cap} bytes of a body and cancels the rest. */
    static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), cap - kept.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.write(bytes, 0, take);
            }
            if (kept.size() >= cap) {
                result.complete(kept.toByteArray());
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toByteArray());
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
