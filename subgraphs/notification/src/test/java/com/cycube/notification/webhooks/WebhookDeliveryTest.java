package com.cycube.notification.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivering events to the organizations' endpoints (WireMock): once per endpoint and event, signed so that the
 * integrator verifies it with the secret; retried with the same webhook-id after a 500, a timeout or a redirect;
 * an endpoint that fails for a day is disabled and its managers are told; redelivery; secret rotation; fairness.
 */
class WebhookDeliveryTest extends WebhookIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REDELIVER = "mutation($i: RedeliverWebhookInput!) { redeliverWebhook(input: $i) { delivery { id status attempts nextAttemptAt } } }";
    private static final String UPDATE = "mutation($i: UpdateWebhookInput!) { updateWebhook(input: $i) { webhook { enabled disabledReason } } }";

    @Autowired
    WebhookEventsHandler handler;

    private static void answer(String path, int status) {
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)));
    }

    /** The receiver at {@code path} answers its first request with {@code first}, every later one with 200. */
    private static void failsOnceThenAnswers200(String path, ResponseDefinitionBuilder first) {
        RECEIVER.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("answering"));
        RECEIVER.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("answering")
                .willReturn(aResponse().withStatus(200)));
    }

    /** The signature an integrator computes with nothing but the secret and what they received. */
    private static String hmac(String secret, LoggedRequest request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp") + "."
                + request.getBodyAsString();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertSignedWith(String secret, LoggedRequest request) throws Exception {
        String expected = new com.standardwebhooks.Webhook(secret).sign(request.getHeader("webhook-id"),
                Long.parseLong(request.getHeader("webhook-timestamp")), request.getBodyAsString());
        assertThat(List.of(request.getHeader("webhook-signature").split(" "))).contains(expected, hmac(secret, request));
    }

    @Test
    void an_event_reaches_each_subscribed_endpoint_of_its_organization_once_signed_as_standard_webhooks_say() throws Exception {
        answer("/hooks/lms", 204);
        answer("/hooks/labs", 200);
        answer("/hooks/globex", 200);
        Registered lms = register(Persona.ACME_MANAGER, "/hooks/lms", "course.completed", "certificate.issued");
        register(Persona.ACME_MANAGER, "/hooks/labs", "lab.state_changed");
        register(Persona.GLOBEX_MANAGER, "/hooks/globex", "course.completed");
        DomainEvent completed = courseCompleted(Persona.ACME_TRAINEE, "e-1");
        handler.handle(completed); // the event log hands it over again
        append(ACME, new QuizPassed(Persona.ACME_TRAINEE.subject(), "quiz-1", 80, 8, 10)); // nobody subscribed
        drain();

        assertThat(deliverDue()).isEqualTo(1);
        assertThat(deliverDue()).as("nothing twice").isZero();

        assertThat(received()).hasSize(1);
        LoggedRequest request = received().get(0);
        assertThat(request.getUrl()).isEqualTo("/hooks/lms");
        assertThat(request.getHeader("webhook-id")).isEqualTo(WebhookDeliveryDocument.idOf(lms.id(), completed.eventId()))
                .startsWith("msg_");
        assertThat(request.getHeader("webhook-timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertSignedWith(lms.secret(), request);

        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.path("type").asString()).isEqualTo("course.completed");
        assertThat(body.path("version").asInt()).isEqualTo(1);
        assertThat(Instant.parse(body.path("timestamp").asString())).isEqualTo(completed.occurredAt());
        assertThat(body.path("organizationId").asString()).isEqualTo(ACME);
        JsonNode data = body.path("data");
        assertThat(data.path("enrollmentId").asString()).isEqualTo("e-1");
        assertThat(data.path("userId").asString()).isEqualTo(Persona.ACME_TRAINEE.subject());
        assertThat(data.path("courseTitle").asString()).isEqualTo("Linux basics");
        assertThat(data.path("score").asDouble()).isEqualTo(92.5);
        assertThat(Instant.parse(data.path("completedAt").asString())).isNotNull();

        Map<String, Object> delivery = deliveries(Persona.ACME_MANAGER, lms.id()).get(0);
        assertThat(delivery).containsEntry("id", request.getHeader("webhook-id")).containsEntry("status", "DELIVERED")
                .containsEntry("eventType", "course.completed").containsEntry("eventVersion", 1)
                .containsEntry("attempts", 1).containsEntry("lastResponseStatus", 204).containsEntry("lastError", null)
                .containsEntry("nextAttemptAt", null);
        assertThat(delivery.get("deliveredAt")).isNotNull();
    }

    @Test
    void an_endpoint_answering_500_gets_the_same_delivery_again_on_the_schedule() throws Exception {
        failsOnceThenAnswers200("/hooks/flaky", aResponse().withStatus(500)
                .withBody("Internal\u0000 error\n<b>stack trace</b>" + "x".repeat(500)));
        Registered hook = register(Persona.ACME_MANAGER, "/hooks/flaky", "course.completed");
        courseCompleted(Persona.ACME_TRAINEE, "e-1");

        assertThat(deliverDue()).isEqualTo(1);
        Map<String, Object> failed = deliveries(Persona.ACME_MANAGER, hook.id()).get(0);
        assertThat(failed).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("lastResponseStatus", 500).containsEntry("lastError", "HTTP_500");
        assertThat(Instant.parse((String) failed.get("nextAttemptAt"))).as("5 s, ±20 %")
                .isBetween(clock.instant().plusSeconds(4), clock.instant().plusSeconds(6));
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) failed.get("recentAttempts");
        assertThat((String) attempts.get(0).get("responseExcerpt")).startsWith("Internal  error <b>stack trace</b>")
                .hasSizeLessThanOrEqualTo(200);
        assertThat(deliverDue()).as("not due yet").isZero();

        clock.advance(Duration.ofSeconds(6));
        assertThat(deliverDue()).isEqualTo(1);

        assertThat(deliveries(Persona.ACME_MANAGER, hook.id()).get(0)).containsEntry("status", "DELIVERED")
                .containsEntry("attempts", 2).containsEntry("lastResponseStatus", 200);
        List<LoggedRequest> requests = received();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("webhook-id")).isEqualTo(requests.get(0).getHeader("webhook-id"));
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        assertThat(requests.get(1).getHeader("webhook-timestamp")).as("the time of the attempt")
                .isNotEqualTo(requests.get(0).getHeader("webhook-timestamp"));
        assertSignedWith(hook.secret(), requests.get(1));
    }

    @Test
    void an_endpoint_that_does_not_answer_in_time_gets_it_again_later() {
        failsOnceThenAnswers200("/hooks/slow", aResponse().withStatus(200).withFixedDelay(6_000)); // > request timeout
        Registered hook = register(Persona.ACME_MANAGER, "/hooks/slow", "course.completed");
        courseCompleted(Persona.ACME_TRAINEE, "e-1");

        assertThat(deliverDue()).isEqualTo(1);
        Map<String, Object> timedOut = deliveries(Persona.ACME_MANAGER, hook.id()).get(0);
        assertThat(timedOut).containsEntry("status", "PENDING").containsEntry("lastError", "TIMEOUT")
                .containsEntry("lastResponseStatus", null);
        assertThat((Integer) timedOut.get("lastLatencyMs")).as("the request timeout (2 s in tests)").isBetween(1_900, 5_000);

        clock.advance(Duration.ofSeconds(6));
        assertThat(deliverDue()).isEqualTo(1);
        assertThat(deliveries(Persona.ACME_MANAGER, hook.id()).get(0)).containsEntry("status", "DELIVERED");
        assertThat(received()).extracting(request -> request.getHeader("webhook-id")).hasSize(2).containsOnly(
                (String) timedOut.get("id"));
    }

    @Test
    void a_redirect_is_a_failed_attempt_and_is_not_followed() {
        RECEIVER.stubFor(post(urlEqualTo("/hooks/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", url("/hooks/elsewhere"))));
        Registered hook = register(Persona.ACME_MANAGER, "/hooks/moved", "course.completed");
        courseCompleted(Persona.ACME_TRAINEE, "e-1");

        deliverDue();

        assertThat(deliveries(Persona.ACME_MANAGER, hook.id()).get(0)).containsEntry("status", "PENDING")
                .containsEntry("lastError", "HTTP_302");
        assertThat(received()).extracting(LoggedRequest::getUrl).containsExactly("/hooks/moved");
    }

    @Test
    void an_endpoint_failing_every_attempt_for_a_day_is_disabled_its_managers_are_told_and_enabling_it_resumes() {
        answer("/hooks/down", 503);
        Registered hook = register(Persona.ACME_MANAGER, "/hooks/down", "course.completed");
        courseCompleted(Persona.ACME_TRAINEE, "e-1");
        Instant first = clock.instant();
        deliverDue();
        courseCompleted(OTHER_ACME_TRAINEE, "e-2"); // a second delivery, one attempt behind

        for (int attempt = 2; attempt <= 8; attempt++) {
            clock.advance(Duration.ofHours(13)); // past the longest wait (10 h + 20 %)
            deliverDue();
        }

        assertThat(Duration.between(first, clock.instant())).isGreaterThan(Duration.ofHours(24));
        List<Map<String, Object>> log = deliveries(Persona.ACME_MANAGER, hook.id());
        assertThat(log).extracting(delivery -> delivery.get("status")).containsExactly("PAUSED", "FAILED");
        assertThat(log.get(1)).containsEntry("attempts", 8).containsEntry("lastError", "HTTP_503");
        assertThat(as(Persona.ACME_MANAGER, "query($id: ID!) { webhook(id: $id) { deliveries(status: FAILED) { totalCount } } }",
                Map.of("id", hook.id())).assertNoErrors().<Integer>get("data.webhook.deliveries.totalCount")).isEqualTo(1);
        Map<String, Object> webhook = as(Persona.ACME_MANAGER, DELIVERIES, Map.of("id", hook.id())).get("data.webhook");
        assertThat(webhook).containsEntry("enabled", false);
        assertThat((String) webhook.get("disabledReason")).contains((String) log.get(1).get("id"), "8 times");

        String inbox = "{ notifications(first: 10) { edges { node { kind title link subjectId } } } }";
        assertThat(as(Persona.ACME_MANAGER, inbox).assertNoErrors().<List<Map<String, Object>>>get("data.notifications.edges[*].node"))
                .containsExactly(Map.of("kind", "WEBHOOK_DISABLED", "title", "Webhook to localhost disabled",
                        "link", "/settings/webhooks", "subjectId", hook.id()));
        assertThat(as(Persona.ACME_TRAINEE, inbox).<List<Object>>get("data.notifications.edges")).isEmpty();
        assertThat(as(Persona.GLOBEX_MANAGER, inbox).<List<Object>>get("data.notifications.edges")).isEmpty();
        int sent = received().size();
        clock.advance(Duration.ofHours(13));
        assertThat(deliverDue()).as("paused").isZero();
        assertThat(received()).hasSize(sent);

        answer("/hooks/down", 200);
        assertThat(as(Persona.ACME_MANAGER, UPDATE, Map.of("i", Map.of("id", hook.id(), "enabled", true))).assertNoErrors()
                .<Map<String, Object>>get("data.updateWebhook.webhook")).containsEntry("enabled", true)
                .containsEntry("disabledReason", null);
        assertThat(deliverDue()).isEqualTo(1);
        assertThat(deliveries(Persona.ACME_MANAGER, hook.id())).extracting(delivery -> delivery.get("status"))
                .containsExactly("DELIVERED", "FAILED");
    }

    @Test
    void a_delivery_is_sent_again_on_request_with_the_same_webhook_id_and_body() {
        answer("/hooks/a", 200);
        Registered hook = register(ACME_WEBHOOK_CLIENT, "/hooks/a", "course.completed");
        courseCompleted(Persona.ACME_TRAINEE, "e-1");
        deliverDue();
        String id = (String) deliveries(Persona.ACME_MANAGER, hook.id()).get(0).get("id");

        Map<String, Object> again = as(ACME_WEBHOOK_CLIENT, REDELIVER, Map.of("i", Map.of("deliveryId", id)))
                .assertNoErrors().get("data.redeliverWebhook.delivery");
        assertThat(again).containsEntry("id", id).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat(deliverDue()).isEqualTo(1);

        assertThat(received()).hasSize(2).extracting(request -> request.getHeader("webhook-id")).containsOnly(id);
        assertThat(received().get(0).getBodyAsString()).isEqualTo(received().get(1).getBodyAsString());
        assertThat(deliveries(Persona.ACME_MANAGER, hook.id()).get(0)).containsEntry("status", "DELIVERED")
                .containsEntry("attempts", 2);
        assertThat(as(Persona.ACME_TRAINEE, REDELIVER, Map.of("i", Map.of("deliveryId", id))).errorCodes())
                .containsExactly("FORBIDDEN");
    }

    @Test
    void after_a_rotation_deliveries_are_signed_with_both_secrets_for_a_day_then_with_the_new_one() throws Exception {
        answer("/hooks/a", 200);
        Registered hook = register(Persona.ACME_MANAGER, "/hooks/a", "course.completed");
        String rotate = "mutation($i: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $i) { secret } }";
        String newSecret = as(Persona.ACME_MANAGER, rotate, Map.of("i", Map.of("id", hook.id()))).assertNoErrors()
                .get("data.rotateWebhookSecret.secret");

        courseCompleted(Persona.ACME_TRAINEE, "e-1");
        deliverDue();
        LoggedRequest during = received().get(0);
        String[] signatures = during.getHeader("webhook-signature").split(" ");
        assertThat(signatures).hasSize(2);
        assertThat(signatures[0]).isEqualTo(hmac(newSecret, during));
        assertThat(signatures[1]).isEqualTo(hmac(hook.secret(), during));

        clock.advance(Duration.ofHours(25));
        courseCompleted(OTHER_ACME_TRAINEE, "e-2");
        deliverDue();
        LoggedRequest after = received().get(1);
        assertThat(after.getHeader("webhook-signature")).isEqualTo(hmac(newSecret, after));
    }

    @Test
    void a_burst_for_one_organization_does_not_hold_back_another() {
        answer("/hooks/acme", 200);
        answer("/hooks/globex", 200);
        register(Persona.ACME_MANAGER, "/hooks/acme", "course.completed");
        register(Persona.GLOBEX_MANAGER, "/hooks/globex", "course.completed");
        for (int i = 0; i < 25; i++) {
            courseCompleted(Persona.ACME_TRAINEE, "e-" + i);
        }
        courseCompleted(Persona.GLOBEX_TRAINEE, "e-globex"); // due last

        assertThat(deliverDue()).as("10 per endpoint and pass").isEqualTo(11);
        assertThat(received()).extracting(LoggedRequest::getUrl).contains("/hooks/globex");
        assertThat(deliverDue()).isEqualTo(10);
        assertThat(deliverDue()).isEqualTo(5);
        assertThat(received()).extracting(request -> request.getHeader("webhook-id")).hasSize(26).doesNotHaveDuplicates();
    }
}
