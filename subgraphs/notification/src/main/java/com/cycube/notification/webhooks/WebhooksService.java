package com.cycube.notification.webhooks;

import com.cycube.notification.webhooks.WebhookDeliveryDocument.Status;
import com.cycube.notification.webhooks.WebhookEndpointDocument.Webhook;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * An organization's webhooks: registered, changed, rotated and deleted by its managers or by its integration clients
 * with the {@value #SCOPE} scope; their delivery logs; sending a delivery again. Everything is scoped to the caller's
 * organization — another organization's endpoint or delivery is NOT_FOUND; root acting for no organization is
 * FORBIDDEN. Signing secrets are returned only by {@link #create} and {@link #rotate}.
 */
@Service
public class WebhooksService {

    public static final String SCOPE = "webhooks:manage";
    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_DESCRIPTION_LENGTH = 300;

    /** A webhook with its signing secret, the one time it is shown. */
    public record WithSecret(Webhook webhook, String secret, Instant previousSecretExpiresAt) {
    }

    /** What to change; null leaves it as it is. */
    public record Change(String url, String description, List<String> eventTypes, Boolean enabled) {
    }

    private final WebhookEndpointStore endpoints;
    private final WebhookDeliveryStore deliveries;
    private final WebhookSecrets secrets;
    private final WebhookAddressGuard guard;
    private final WebhookProperties properties;
    private final Clock clock;

    public WebhooksService(WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries, WebhookSecrets secrets,
                           WebhookAddressGuard guard, WebhookProperties properties, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
    }

    /** The organization the caller manages webhooks of: a manager's, or an integration client's with the scope. */
    static String organizationOf(Caller caller) {
        return caller.require(Role.MANAGER, SCOPE).requireOrganization();
    }

    public List<WebhookEventCatalog.WebhookEventType> eventTypes(Caller caller) {
        caller.requireAuthenticated();
        return WebhookEventCatalog.TYPES;
    }

    public Connection<Webhook> list(Caller caller, Integer first, String after) {
        String org = organizationOf(caller);
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(endpoints.page(org, page), page, endpoints.count(org)).map(WebhookEndpointDocument::view);
    }

    public Webhook get(Caller caller, String id) {
        return endpoint(organizationOf(caller), id).view();
    }

    /** The delivery log of a webhook the caller was allowed to read, newest first. */
    public Connection<WebhookDeliveryDocument> deliveries(Caller caller, Webhook webhook, Integer first, String after,
                                                          Status status) {
        String org = organizationOf(caller);
        if (!org.equals(webhook.organizationId())) {
            throw DomainException.notFound("Webhook", webhook.id());
        }
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(deliveries.page(webhook.id(), status, page), page, deliveries.count(webhook.id(), status));
    }

    public WithSecret create(Caller caller, String url, String description, List<String> eventTypes) {
        String org = organizationOf(caller);
        String checkedUrl = checkedUrl(url);
        String checkedDescription = checkedDescription(description);
        List<String> types = checkedEventTypes(eventTypes);
        if (endpoints.count(org) >= properties.maxPerOrganization()) {
            throw DomainException.conflict("An organization can register at most " + properties.maxPerOrganization()
                    + " webhooks: delete one first");
        }
        String id = "wh_" + UUID.randomUUID().toString().replace("-", "");
        String secret = secrets.newSecret();
        Instant now = clock.instant();
        WebhookEndpointDocument endpoint = new WebhookEndpointDocument(id, org, checkedUrl, checkedDescription, types,
                true, null, null, now, caller.subject(), secrets.encrypt(id, secret), null, null, null, null);
        endpoints.add(endpoint);
        return new WithSecret(endpoint.view(), secret, null);
    }

    public Webhook update(Caller caller, String id, Change change) {
        String org = organizationOf(caller);
        endpoint(org, id);
        Update update = new Update();
        if (change.url() != null) {
            update.set("url", checkedUrl(change.url()));
        }
        if (change.description() != null) {
            update.set("description", checkedDescription(change.description()));
        }
        if (change.eventTypes() != null) {
            update.set("eventTypes", checkedEventTypes(change.eventTypes()));
        }
        Instant now = clock.instant();
        if (Boolean.TRUE.equals(change.enabled())) {
            update.set("enabled", true).unset("disabledReason").unset("disabledAt");
        } else if (Boolean.FALSE.equals(change.enabled())) {
            update.set("enabled", false).set("disabledReason", "Disabled by " + (caller.isIntegration()
                    ? "an integration client" : "a manager")).set("disabledAt", now);
        }
        if (update.getUpdateObject().isEmpty()) {
            throw DomainException.badInput("Give at least one of url, description, eventTypes, enabled");
        }
        WebhookEndpointDocument changed = endpoints.change(org, id, update)
                .orElseThrow(() -> DomainException.notFound("Webhook", id));
        if (Boolean.TRUE.equals(change.enabled())) {
            deliveries.resumeAll(id, now);
        } else if (Boolean.FALSE.equals(change.enabled())) {
            deliveries.pauseAll(id);
        }
        return changed.view();
    }

    /** A new secret; the previous one keeps signing (next to it) for {@code previous-secret-validity}. */
    public WithSecret rotate(Caller caller, String id) {
        String org = organizationOf(caller);
        WebhookEndpointDocument endpoint = endpoint(org, id);
        String secret = secrets.newSecret();
        Instant now = clock.instant();
        Instant previousExpires = now.plus(properties.previousSecretValidity());
        WebhookEndpointDocument rotated = endpoints.change(org, id, new Update()
                        .set("encryptedSecret", secrets.encrypt(id, secret))
                        .set("encryptedPreviousSecret", endpoint.encryptedSecret())
                        .set("previousSecretExpiresAt", previousExpires).set("secretRotatedAt", now))
                .orElseThrow(() -> DomainException.notFound("Webhook", id));
        return new WithSecret(rotated.view(), secret, previousExpires);
    }

    /** Deletes the webhook and its delivery log; pending deliveries are not sent. */
    public String delete(Caller caller, String id) {
        String org = organizationOf(caller);
        if (!endpoints.delete(org, id)) {
            throw DomainException.notFound("Webhook", id);
        }
        deliveries.deleteAll(id);
        return id;
    }

    /** Sends a delivery again now (same webhook-id), with a new round of retries. */
    public WebhookDeliveryDocument redeliver(Caller caller, String deliveryId) {
        String org = organizationOf(caller);
        WebhookDeliveryDocument delivery = deliveries.of(org, deliveryId)
                .orElseThrow(() -> DomainException.notFound("Webhook delivery", deliveryId));
        if (!endpoint(org, delivery.endpointId()).enabled()) {
            throw DomainException.conflict("The webhook is disabled: enable it (updateWebhook) to send again");
        }
        return deliveries.redeliver(org, deliveryId, clock.instant())
                .orElseThrow(() -> DomainException.conflict("The delivery is being sent right now: try again shortly"));
    }

    private WebhookEndpointDocument endpoint(String org, String id) {
        return endpoints.of(org, id).orElseThrow(() -> DomainException.notFound("Webhook", id));
    }

    /** https (http only in local development), no credentials, a public host (unless in local development). */
    String checkedUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw DomainException.badInput("Give the endpoint URL (at most " + MAX_URL_LENGTH + " characters)");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw DomainException.badInput("The endpoint URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowHttp())) {
            throw DomainException.badInput("The endpoint URL must start with https://");
        }
        if (uri.getRawUserInfo() != null) {
            throw DomainException.badInput("The endpoint URL may not contain credentials (user:password@): "
                    + "verify the webhook-signature header instead");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw DomainException.badInput("The endpoint URL has no host");
        }
        if (uri.getRawFragment() != null) {
            throw DomainException.badInput("The endpoint URL may not contain a fragment (#...)");
        }
        try {
            guard.check(uri);
        } catch (WebhookAddressGuard.RefusedAddress refused) {
            throw DomainException.badInput(refused.getMessage());
        }
        return uri.toString();
    }

    private static String checkedDescription(String description) {
        if (description == null) {
            return null;
        }
        String trimmed = description.strip();
        if (trimmed.length() > MAX_DESCRIPTION_LENGTH) {
            throw DomainException.badInput("The description is at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static List<String> checkedEventTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw DomainException.badInput("Subscribe to at least one event type: "
                    + String.join(", ", WebhookEventCatalog.typeNames()));
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : eventTypes) {
            if (!WebhookEventCatalog.isKnown(type)) {
                throw DomainException.badInput("Unknown event type " + abbreviated(type) + "; the known ones are "
                        + String.join(", ", WebhookEventCatalog.typeNames()));
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    private static String abbreviated(String value) {
        String text = String.valueOf(value);
        return '"' + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + '"';
    }
}
