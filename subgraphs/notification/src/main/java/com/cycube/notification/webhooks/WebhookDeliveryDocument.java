package com.cycube.notification.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;

/**
 * One event for one endpoint. Its id is the {@code webhook-id} header: derived from the endpoint and the event, so the
 * event handed over again (a redelivery, a restart) finds it written already, and every attempt — retries and manual
 * redeliveries — carries the same id. {@code body} is the exact JSON sent each time. {@code roundAttempts} counts the
 * attempts of the current round of the retry schedule (a redelivery or a re-enabled endpoint starts a new round);
 * {@code leaseUntil}/{@code leaseToken} mark a delivery an instance has claimed and is sending.
 */
public record WebhookDeliveryDocument(@Id String id, String organizationId, String endpointId, String eventId,
                                      String eventType, int eventVersion, String body, Status status, Instant createdAt,
                                      int attempts, int roundAttempts, Instant nextAttemptAt, Instant lastAttemptAt,
                                      Integer lastResponseStatus, Long lastLatencyMs, String lastError,
                                      Instant deliveredAt, Instant leaseUntil, String leaseToken,
                                      List<Attempt> recentAttempts) {

    public static final String COLLECTION = "webhook_deliveries";
    /** How many attempts a delivery remembers (the newest). */
    public static final int REMEMBERED_ATTEMPTS = 20;

    public WebhookDeliveryDocument {
        recentAttempts = recentAttempts == null ? List.of() : List.copyOf(recentAttempts);
    }

    /** Where a delivery is. */
    public enum Status {
        /** Waiting for its next attempt. */
        PENDING,
        /** The endpoint answered 2xx. */
        DELIVERED,
        /** Every attempt of the schedule failed. */
        FAILED,
        /** Its endpoint is disabled; kept, and resumed when the endpoint is enabled again. */
        PAUSED
    }

    /**
     * One attempt: when, the HTTP status (null when there was no answer), how long it took, what went wrong (a class
     * such as TIMEOUT or HTTP_500, never a stack trace) and the start of the answer's body, sanitized.
     */
    public record Attempt(Instant at, Integer responseStatus, long latencyMs, String error, String responseExcerpt) {
    }

    /** The webhook-id of {@code eventId} for {@code endpointId}: {@code msg_} and a name-based UUID of the two. */
    public static String idOf(String endpointId, String eventId) {
        return "msg_" + UUID.nameUUIDFromBytes((endpointId + "|" + eventId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }
}
