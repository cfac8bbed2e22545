package com.cycube.notification.webhooks;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each fact of the public catalogue into one delivery per subscribed, enabled endpoint of its organization,
 * written once: the delivery's id derives from the endpoint and the event, so an event handed over again (a
 * redelivery, a restart) changes nothing. Endpoints registered after the fact happened do not get it. The body is
 * made here, once, so every attempt sends the same bytes.
 */
@Component
public class WebhookEventsHandler implements EventHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookEndpointStore endpoints;
    private final WebhookDeliveryStore deliveries;
    private final Clock clock;

    public WebhookEventsHandler(WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public String group() {
        return "notification.webhooks";
    }

    @Override
    public Set<String> eventTypes() {
        return WebhookEventCatalog.SOURCES;
    }

    @Override
    public void handle(DomainEvent event) {
        if (event.orgId() == null) {
            return; // platform facts belong to no organization
        }
        WebhookEventCatalog.publish(event).ifPresent(published -> {
            String body = body(event, published);
            Instant now = clock.instant();
            for (WebhookEndpointDocument endpoint : endpoints.subscribers(event.orgId(), published.type(),
                    event.occurredAt())) {
                deliveries.addIfAbsent(new WebhookDeliveryDocument(WebhookDeliveryDocument.idOf(endpoint.id(),
                        event.eventId()), event.orgId(), endpoint.id(), event.eventId(), published.type(),
                        published.version(), body, WebhookDeliveryDocument.Status.PENDING, now, 0, 0, now, null, null,
                        null, null, null, null, null, null));
            }
        });
    }

    /** The envelope: {@code type}, {@code version}, {@code timestamp} (when it happened), {@code organizationId}, {@code data}. */
    static String body(DomainEvent event, WebhookEventCatalog.PublicEvent published) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", published.type());
        envelope.put("version", published.version());
        envelope.put("timestamp", event.occurredAt().toString());
        envelope.put("organizationId", event.orgId());
        envelope.put("data", published.data());
        return JSON.writeValueAsString(envelope);
    }
}
