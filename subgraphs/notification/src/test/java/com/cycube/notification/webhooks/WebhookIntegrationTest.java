package com.cycube.notification.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.cycube.notification.NotificationIntegrationTest;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The base of the webhook tests: notification's shared test context, and WireMock as the organizations' receivers
 * (plain HTTP on localhost, which the test settings allow). Deliveries are sent only when a test calls
 * {@link #deliverDue()}; the clock is moved by hand.
 */
public abstract class WebhookIntegrationTest extends NotificationIntegrationTest {

    protected static final WireMockServer RECEIVER = new WireMockServer(wireMockConfig().dynamicPort());
    protected static final Persona ACME_WEBHOOK_CLIENT =
            Persona.integration("acme-webhooks", ACME, List.of(WebhooksService.SCOPE));

    static {
        RECEIVER.start(); // one receiver for every webhook test class; the JVM's end stops it
    }

    protected static final String CREATE = """
            mutation($i: CreateWebhookInput!) { createWebhook(input: $i) {
              secret webhook { id url description eventTypes enabled createdAt } } }""";
    protected static final String DELIVERIES = """
            query($id: ID!) { webhook(id: $id) { enabled disabledReason deliveries(first: 100) { totalCount edges { node {
              id eventType eventVersion status attempts lastResponseStatus lastLatencyMs lastError nextAttemptAt
              deliveredAt createdAt recentAttempts { at responseStatus latencyMs error responseExcerpt } } } } } }""";

    /** A registered webhook and the secret shown once. */
    protected record Registered(String id, String secret) {
    }

    @Autowired
    protected WebhookDispatcher dispatcher;

    @BeforeEach
    void freshReceiver() {
        RECEIVER.resetAll();
    }

    protected String url(String path) {
        return RECEIVER.baseUrl() + path;
    }

    protected Registered register(Persona persona, String path, String... eventTypes) {
        GraphQlClient.Response created = as(persona, CREATE, Map.of("i", Map.of("url", url(path),
                "eventTypes", List.of(eventTypes)))).assertNoErrors();
        return new Registered(created.get("data.createWebhook.webhook.id"), created.get("data.createWebhook.secret"));
    }

    protected DomainEvent courseCompleted(Persona learner, String enrollmentId) {
        DomainEvent event = append(learner.organizationId(), new CourseCompleted(enrollmentId, learner.subject(),
                "course-linux", "Linux basics", 92.5, clock.instant()));
        drain();
        return event;
    }

    protected int deliverDue() {
        return dispatcher.deliverDue();
    }

    protected List<LoggedRequest> received() {
        return RECEIVER.findAll(postRequestedFor(anyUrl()));
    }

    protected List<Map<String, Object>> deliveries(Persona persona, String webhookId) {
        return as(persona, DELIVERIES, Map.of("id", webhookId)).assertNoErrors()
                .get("data.webhook.deliveries.edges[*].node");
    }
}
