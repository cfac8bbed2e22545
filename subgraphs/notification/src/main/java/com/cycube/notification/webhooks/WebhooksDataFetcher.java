package com.cycube.notification.webhooks;

import com.cycube.notification.webhooks.WebhookDeliveryDocument.Status;
import com.cycube.notification.webhooks.WebhookEndpointDocument.Webhook;
import com.cycube.support.context.RequestContext;
import com.cycube.support.pagination.Connection;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;

/** The webhooks schema (webhooks.graphqls): endpoints with their delivery logs, the event catalogue, the mutations. */
@DgsComponent
public class WebhooksDataFetcher {

    /** The schema's CreateWebhookInput. */
    public record CreateWebhookInput(String url, String description, List<String> eventTypes) {
    }

    /** The schema's CreateWebhookPayload. */
    public record CreateWebhookPayload(Webhook webhook, String secret) {
    }

    /** The schema's UpdateWebhookInput. */
    public record UpdateWebhookInput(String id, String url, String description, List<String> eventTypes,
                                     Boolean enabled) {
    }

    /** The schema's UpdateWebhookPayload. */
    public record UpdateWebhookPayload(Webhook webhook) {
    }

    /** The schema's RotateWebhookSecretInput. */
    public record RotateWebhookSecretInput(String id) {
    }

    /** The schema's RotateWebhookSecretPayload. */
    public record RotateWebhookSecretPayload(Webhook webhook, String secret, Instant previousSecretExpiresAt) {
    }

    /** The schema's DeleteWebhookInput. */
    public record DeleteWebhookInput(String id) {
    }

    /** The schema's DeleteWebhookPayload. */
    public record DeleteWebhookPayload(String deletedWebhookId) {
    }

    /** The schema's RedeliverWebhookInput. */
    public record RedeliverWebhookInput(String deliveryId) {
    }

    /** The schema's RedeliverWebhookPayload. */
    public record RedeliverWebhookPayload(WebhookDeliveryDocument delivery) {
    }

    private final WebhooksService webhooks;

    public WebhooksDataFetcher(WebhooksService webhooks) {
        this.webhooks = webhooks;
    }

    @DgsQuery
    public Connection<Webhook> webhooks(@InputArgument Integer first, @InputArgument String after,
                                        DataFetchingEnvironment env) {
        return webhooks.list(RequestContext.from(env).caller(), first, after);
    }

    @DgsQuery
    public Webhook webhook(@InputArgument String id, DataFetchingEnvironment env) {
        return webhooks.get(RequestContext.from(env).caller(), id);
    }

    @DgsQuery
    public List<WebhookEventCatalog.WebhookEventType> webhookEventTypes(DataFetchingEnvironment env) {
        return webhooks.eventTypes(RequestContext.from(env).caller());
    }

    @DgsData(parentType = "Webhook", field = "deliveries")
    public Connection<WebhookDeliveryDocument> deliveries(@InputArgument Integer first, @InputArgument String after,
                                                          @InputArgument Status status, DataFetchingEnvironment env) {
        return webhooks.deliveries(RequestContext.from(env).caller(), env.getSource(), first, after, status);
    }

    @DgsMutation
    public CreateWebhookPayload createWebhook(@InputArgument CreateWebhookInput input, DataFetchingEnvironment env) {
        WebhooksService.WithSecret created = webhooks.create(RequestContext.from(env).caller(), input.url(),
                input.description(), input.eventTypes());
        return new CreateWebhookPayload(created.webhook(), created.secret());
    }

    @DgsMutation
    public UpdateWebhookPayload updateWebhook(@InputArgument UpdateWebhookInput input, DataFetchingEnvironment env) {
        return new UpdateWebhookPayload(webhooks.update(RequestContext.from(env).caller(), input.id(),
                new WebhooksService.Change(input.url(), input.description(), input.eventTypes(), input.enabled())));
    }

    @DgsMutation
    public RotateWebhookSecretPayload rotateWebhookSecret(@InputArgument RotateWebhookSecretInput input,
                                                          DataFetchingEnvironment env) {
        WebhooksService.WithSecret rotated = webhooks.rotate(RequestContext.from(env).caller(), input.id());
        return new RotateWebhookSecretPayload(rotated.webhook(), rotated.secret(), rotated.previousSecretExpiresAt());
    }

    @DgsMutation
    public DeleteWebhookPayload deleteWebhook(@InputArgument DeleteWebhookInput input, DataFetchingEnvironment env) {
        return new DeleteWebhookPayload(webhooks.delete(RequestContext.from(env).caller(), input.id()));
    }

    @DgsMutation
    public RedeliverWebhookPayload redeliverWebhook(@InputArgument RedeliverWebhookInput input,
                                                    DataFetchingEnvironment env) {
        return new RedeliverWebhookPayload(webhooks.redeliver(RequestContext.from(env).caller(), input.deliveryId()));
    }
}
