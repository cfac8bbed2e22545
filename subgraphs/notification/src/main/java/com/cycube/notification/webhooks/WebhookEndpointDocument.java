package com.cycube.notification.webhooks;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * An organization's webhook endpoint. The signing secrets are stored encrypted ({@link WebhookSecrets}); the previous
 * secret of a rotation keeps signing until {@code previousSecretExpiresAt}. {@code lastSuccessAt} decides whether an
 * endpoint whose delivery ran out of attempts is disabled (only when nothing succeeded since that delivery was made).
 */
public record WebhookEndpointDocument(@Id String id, String organizationId, String url, String description,
                                      List<String> eventTypes, boolean enabled, String disabledReason,
                                      Instant disabledAt, Instant createdAt, String createdBy,
                                      String encryptedSecret, String encryptedPreviousSecret,
                                      Instant previousSecretExpiresAt, Instant secretRotatedAt, Instant lastSuccessAt) {

    public static final String COLLECTION = "webhook_endpoints";

    public WebhookEndpointDocument {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }

    /** Whether nothing was delivered to it since {@code since}. */
    public boolean noSuccessSince(Instant since) {
        return lastSuccessAt == null || lastSuccessAt.isBefore(since);
    }

    /** What the API shows: everything but the secrets. */
    public Webhook view() {
        return new Webhook(id, organizationId, url, description, eventTypes, enabled, disabledReason, disabledAt,
                createdAt, secretRotatedAt);
    }

    /** The schema's Webhook; never carries a secret. */
    public record Webhook(String id, String organizationId, String url, String description, List<String> eventTypes,
                          boolean enabled, String disabledReason, Instant disabledAt, Instant createdAt,
                          Instant secretRotatedAt) {
    }
}
