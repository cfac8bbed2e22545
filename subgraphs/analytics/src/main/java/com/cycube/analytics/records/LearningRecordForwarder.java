package com.cycube.analytics.records;

import com.cycube.analytics.AnalyticsProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Forwards learning records to an external Learning Record Store over the xAPI Statements API: batches of statements
 * POSTed to {@code <endpoint>/statements} with {@code X-Experience-API-Version: 1.0.3} and basic or bearer
 * authentication. Nothing is lost: a record is stored before it is forwarded and marked only once the LRS accepted it;
 * an LRS that is down or refuses for the moment (5xx, 408, 429, no answer) gets the same records again after a back-off
 * doubling up to {@code max-backoff}. A batch the LRS refuses as invalid (another 4xx) is sent again one statement at a
 * time, so that only the statement it refuses is set aside (marked rejected, logged, counted) and the others go through.
 * Statement ids are stable, so a statement sent twice (a crash before marking, two instances) is the same statement to
 * the LRS. Off unless {@code cycube.analytics.lrs.enabled}.
 */
@Component
@ConditionalOnProperty(name = "cycube.analytics.lrs.enabled", havingValue = "true")
public class LearningRecordForwarder {

    static final String VERSION_HEADER = "X-Experience-API-Version";
    static final String VERSION = "1.0.3";
    private static final Logger log = LoggerFactory.getLogger(LearningRecordForwarder.class);

    private final LearningRecordStore store;
    private final XapiStatements xapi;
    private final AnalyticsProperties.Lrs settings;
    private final RestClient http;
    private final Clock clock;
    private final Counter forwarded;
    private final Counter rejected;
    private Duration backoff = Duration.ZERO;
    private Instant pausedUntil = Instant.MIN;

    public LearningRecordForwarder(LearningRecordStore store, XapiStatements xapi, AnalyticsProperties properties,
                                   RestClient.Builder builder, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.xapi = xapi;
        this.settings = properties.lrs();
        if (settings.endpoint() == null || settings.endpoint().isBlank()) {
            throw new IllegalStateException("cycube.analytics.lrs.enabled is true but cycube.analytics.lrs.endpoint is not set");
        }
        String endpoint = settings.endpoint().replaceAll("/+$", "");
        if (endpoint.startsWith("http://")) {
            // plain HTTP: no h2c upgrade attempt (servers answer it with a reset); TLS negotiates HTTP/2 by itself
            builder = builder.requestFactory(new JdkClientHttpRequestFactory(
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()));
        }
        this.http = builder.baseUrl(endpoint)
                .defaultHeader(VERSION_HEADER, VERSION)
                .defaultHeaders(headers -> authenticate(headers, settings))
                .build();
        this.clock = clock;
        this.forwarded = registry.counter("cycube.analytics.lrs.forwarded");
        this.rejected = registry.counter("cycube.analytics.lrs.rejected");
        registry.gauge("cycube.analytics.lrs.pending", store, LearningRecordStore::countToForward);
    }

    private static void authenticate(HttpHeaders headers, AnalyticsProperties.Lrs settings) {
        if (settings.token() != null && !settings.token().isBlank()) {
            headers.setBearerAuth(settings.token());
        } else if (settings.username() != null && !settings.username().isBlank()) {
            headers.setBasicAuth(settings.username(), settings.password() == null ? "" : settings.password());
        }
    }

    /**
     * Forwards what is waiting, batch by batch, until nothing is left or the LRS fails (then it waits for the back-off).
     *
     * @return how many records the LRS accepted
     */
    public synchronized int forwardPending() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return 0;
        }
        int accepted = 0;
        while (true) {
            List<LearningRecord> batch = store.toForward(settings.batchSize());
            if (batch.isEmpty()) {
                return accepted;
            }
            try {
                accepted += send(batch);
                backoff = Duration.ZERO;
            } catch (LrsUnavailable unavailable) {
                backoff = backoff.isZero() ? settings.interval() : backoff.multipliedBy(2);
                if (backoff.compareTo(settings.maxBackoff()) > 0) {
                    backoff = settings.maxBackoff();
                }
                pausedUntil = clock.instant().plus(backoff);
                log.warn("The Learning Record Store did not take {} statements ({}); trying again in {}", batch.size(),
                        unavailable.getMessage(), backoff);
                return accepted;
            }
        }
    }

    private int send(List<LearningRecord> batch) {
        try {
            post(batch);
            store.markForwarded(batch.stream().map(LearningRecord::id).toList(), clock.instant());
            forwarded.increment(batch.size());
            return batch.size();
        } catch (Invalid invalid) {
            if (batch.size() == 1) {
                LearningRecord record = batch.get(0);
                store.markRejected(record.id(), clock.instant(), invalid.getMessage());
                rejected.increment();
                log.error("The Learning Record Store refused statement {} ({}); it is set aside and not sent again",
                        record.id(), invalid.getMessage());
                return 0;
            }
            int accepted = 0;
            for (LearningRecord record : batch) { // find the statement it refuses; the others go through
                accepted += send(List.of(record));
            }
            return accepted;
        }
    }

    private void post(List<LearningRecord> batch) {
        List<Map<String, Object>> statements = batch.stream().map(xapi::statement).toList();
        try {
            http.post().uri("/statements").contentType(MediaType.APPLICATION_JSON).body(statements).retrieve().toBodilessEntity();
        } catch (RestClientResponseException refused) {
            int status = refused.getStatusCode().value();
            if (status >= 500 || status == 408 || status == 429 || status == 401 || status == 403) {
                // down, overloaded, or our credentials are wrong: nothing is wrong with the statements — try later
                throw new LrsUnavailable("HTTP " + status);
            }
            throw new Invalid("HTTP " + status + " " + abbreviate(refused.getResponseBodyAsString()));
        } catch (RestClientException unreachable) {
            throw new LrsUnavailable(unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage());
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static final class LrsUnavailable extends RuntimeException {
        LrsUnavailable(String message) {
            super(message);
        }
    }

    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }
}
