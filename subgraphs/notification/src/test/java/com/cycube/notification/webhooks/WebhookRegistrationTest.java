package com.cycube.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Registering webhooks: who may (an organization's managers, its integration clients with the webhooks:manage scope),
 * what is accepted (https URLs without credentials, known event types), the secret shown once, and nothing of another
 * organization's, ever.
 */
class WebhookRegistrationTest extends WebhookIntegrationTest {

    static final String LIST = "{ webhooks(first: 10) { totalCount edges { node { id url eventTypes enabled } } } }";
    static final String UPDATE = "mutation($i: UpdateWebhookInput!) { updateWebhook(input: $i) { webhook { id url eventTypes enabled disabledReason } } }";
    static final String ROTATE = "mutation($i: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $i) { secret previousSecretExpiresAt webhook { id secretRotatedAt } } }";
    static final String DELETE = "mutation($i: DeleteWebhookInput!) { deleteWebhook(input: $i) { deletedWebhookId } }";
    static final String REDELIVER = "mutation($i: RedeliverWebhookInput!) { redeliverWebhook(input: $i) { delivery { id status } } }";

    private GraphQlClient.Response create(Persona persona, Map<String, ?> input) {
        return as(persona, CREATE, Map.of("i", input));
    }

    private long stored() {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), WebhookEndpointDocument.COLLECTION);
    }

    @Test
    void a_manager_registers_an_endpoint_and_sees_its_secret_only_in_the_answer() {
        GraphQlClient.Response created = create(Persona.ACME_MANAGER, Map.of("url", url("/hooks/lms"),
                "description", "  Our LMS  ", "eventTypes", List.of("course.completed", "certificate.issued",
                        "course.completed"))).assertNoErrors();

        String secret = created.get("data.createWebhook.secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(24);
        assertThat(created.<Map<String, Object>>get("data.createWebhook.webhook"))
                .containsEntry("url", url("/hooks/lms")).containsEntry("description", "Our LMS")
                .containsEntry("eventTypes", List.of("course.completed", "certificate.issued"))
                .containsEntry("enabled", true);
        assertThat(as(Persona.ACME_MANAGER, LIST).assertNoErrors().<Integer>get("data.webhooks.totalCount")).isEqualTo(1);
        assertThat(as(Persona.ACME_MANAGER, "{ webhooks { edges { node { secret } } } }").errorCodes())
                .as("no field shows it again").isNotEmpty();
        Document stored = mongo.findAll(Document.class, WebhookEndpointDocument.COLLECTION).get(0);
        assertThat(stored.toJson()).as("stored encrypted").doesNotContain(secret)
                .doesNotContain(secret.substring("whsec_".length()));
    }

    @Test
    void an_integration_client_manages_its_organizations_webhooks_with_the_webhooks_scope_only() {
        Registered registered = register(ACME_WEBHOOK_CLIENT, "/hooks/hr", "enrollment.assigned");

        assertThat(as(Persona.ACME_MANAGER, LIST).<List<String>>get("data.webhooks.edges[*].node.id"))
                .containsExactly(registered.id());
        assertThat(as(Persona.ACME_HR_INTEGRATION, LIST).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(create(Persona.ACME_HR_INTEGRATION, Map.of("url", url("/x"), "eventTypes", List.of("quiz.passed")))
                .errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void trainees_and_root_acting_for_no_organization_may_not_manage_webhooks() {
        Map<String, Object> input = Map.of("url", url("/x"), "eventTypes", List.of("quiz.passed"));

        assertThat(create(Persona.ACME_TRAINEE, input).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.ACME_TRAINEE, LIST).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(create(Persona.ROOT, input).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(stored()).isZero();
        assertThat(as(Persona.ACME_TRAINEE, "{ webhookEventTypes { type } }").assertNoErrors()
                .<List<String>>get("data.webhookEventTypes[*].type")).as("the catalogue is public to signed-in callers")
                .isNotEmpty();
    }

    @Test
    void another_organizations_webhook_is_not_found_and_stays_as_it_was() {
        Registered globex = register(Persona.GLOBEX_MANAGER, "/hooks/globex", "course.completed");
        courseCompleted(Persona.GLOBEX_TRAINEE, "e-globex");
        String deliveryId = WebhookDeliveryDocument.idOf(globex.id(), mongo.findAll(Document.class,
                WebhookDeliveryDocument.COLLECTION).get(0).getString("eventId"));

        assertThat(as(Persona.ACME_MANAGER, "query($id: ID!) { webhook(id: $id) { url } }", Map.of("id", globex.id()))
                .errorCodes()).containsExactly("NOT_FOUND");
        assertThat(as(Persona.ACME_MANAGER, UPDATE, Map.of("i", Map.of("id", globex.id(), "enabled", false))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(as(Persona.ACME_MANAGER, ROTATE, Map.of("i", Map.of("id", globex.id()))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(as(ACME_WEBHOOK_CLIENT, DELETE, Map.of("i", Map.of("id", globex.id()))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(as(Persona.ACME_MANAGER, REDELIVER, Map.of("i", Map.of("deliveryId", deliveryId))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(as(Persona.ACME_MANAGER, LIST).<Integer>get("data.webhooks.totalCount")).isZero();

        Map<String, Object> unchanged = as(Persona.GLOBEX_MANAGER, "query($id: ID!) { webhook(id: $id) { enabled secretRotatedAt } }",
                Map.of("id", globex.id())).assertNoErrors().get("data.webhook");
        assertThat(unchanged).containsEntry("enabled", true).containsEntry("secretRotatedAt", null);
    }

    @Test
    void a_url_that_is_not_http_or_https_carries_credentials_or_is_too_long_is_refused_and_nothing_is_stored() {
        for (String bad : List.of("ftp://hooks.example.com/x", "not a url", "https://user:pass@hooks.example.com/x",
                "https:///no-host", "https://hooks.example.com/x#fragment", "https://hooks.example.com/" + "a".repeat(2000))) {
            assertThat(create(Persona.ACME_MANAGER, Map.of("url", bad, "eventTypes", List.of("quiz.passed"))).errorCodes())
                    .as(bad).containsExactly("BAD_USER_INPUT");
        }
        assertThat(stored()).isZero();
    }

    @Test
    void unknown_event_types_are_refused_with_the_known_ones_listed() {
        GraphQlClient.Response refused = create(Persona.ACME_MANAGER, Map.of("url", url("/x"),
                "eventTypes", List.of("course.completed", "training.CourseCompleted")));
        assertThat(refused.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(refused.<String>get("errors[0].message")).contains("training.CourseCompleted", "course.completed",
                "enrollment.assigned", "certificate.issued", "quiz.passed", "quiz.failed", "lab.state_changed");
        assertThat(create(Persona.ACME_MANAGER, Map.of("url", url("/x"), "eventTypes", List.of())).errorCodes())
                .containsExactly("BAD_USER_INPUT");
        assertThat(stored()).isZero();

        List<Map<String, Object>> catalogue = as(Persona.ACME_MANAGER, "{ webhookEventTypes { type version description } }")
                .assertNoErrors().get("data.webhookEventTypes");
        assertThat(catalogue).extracting(type -> type.get("type")).containsExactly("enrollment.assigned",
                "course.completed", "certificate.issued", "quiz.passed", "quiz.failed", "lab.state_changed");
        assertThat(catalogue).allSatisfy(type -> assertThat(type).containsEntry("version", 1));
    }

    @Test
    void a_webhook_is_changed_with_the_same_rules_and_a_bad_change_changes_nothing() {
        Registered registered = register(Persona.ACME_MANAGER, "/hooks/a", "quiz.passed");

        Map<String, Object> changed = as(Persona.ACME_MANAGER, UPDATE, Map.of("i", Map.of("id", registered.id(),
                "url", url("/hooks/b"), "eventTypes", List.of("quiz.failed", "quiz.passed"))))
                .assertNoErrors().get("data.updateWebhook.webhook");
        assertThat(changed).containsEntry("url", url("/hooks/b")).containsEntry("eventTypes", List.of("quiz.failed", "quiz.passed"));

        Map<String, Object> bad = new HashMap<>(Map.of("id", registered.id(), "url", "https://u:p@hooks.example.com/",
                "eventTypes", List.of("quiz.passed")));
        assertThat(as(Persona.ACME_MANAGER, UPDATE, Map.of("i", bad)).errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(as(Persona.ACME_MANAGER, UPDATE, Map.of("i", Map.of("id", registered.id(), "eventTypes", List.of("nope"))))
                .errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(as(Persona.ACME_MANAGER, UPDATE, Map.of("i", Map.of("id", registered.id()))).errorCodes())
                .containsExactly("BAD_USER_INPUT");
        assertThat(as(Persona.ACME_MANAGER, LIST).<List<Map<String, Object>>>get("data.webhooks.edges[*].node").get(0))
                .containsEntry("url", url("/hooks/b")).containsEntry("eventTypes", List.of("quiz.failed", "quiz.passed"));
    }

    @Test
    void a_rotated_secret_is_shown_once_and_the_previous_one_stays_valid_for_a_day() {
        Registered registered = register(Persona.ACME_MANAGER, "/hooks/a", "quiz.passed");

        GraphQlClient.Response rotated = as(Persona.ACME_MANAGER, ROTATE, Map.of("i", Map.of("id", registered.id())))
                .assertNoErrors();

        assertThat(rotated.<String>get("data.rotateWebhookSecret.secret")).startsWith("whsec_").isNotEqualTo(registered.secret());
        assertThat(java.time.Instant.parse(rotated.get("data.rotateWebhookSecret.previousSecretExpiresAt")))
                .isEqualTo(clock.instant().plus(java.time.Duration.ofHours(24)));
        assertThat(rotated.<String>get("data.rotateWebhookSecret.webhook.secretRotatedAt")).isNotNull();
    }

    @Test
    void deleting_a_webhook_removes_it_and_its_delivery_log() {
        Registered registered = register(Persona.ACME_MANAGER, "/hooks/a", "course.completed");
        courseCompleted(Persona.ACME_TRAINEE, "e-1");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), WebhookDeliveryDocument.COLLECTION)).isEqualTo(1);

        assertThat(as(Persona.ACME_MANAGER, DELETE, Map.of("i", Map.of("id", registered.id()))).assertNoErrors()
                .<String>get("data.deleteWebhook.deletedWebhookId")).isEqualTo(registered.id());

        assertThat(stored()).isZero();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), WebhookDeliveryDocument.COLLECTION)).isZero();
        assertThat(deliverDue()).isZero();
        assertThat(received()).isEmpty();
        assertThat(as(Persona.ACME_MANAGER, DELETE, Map.of("i", Map.of("id", registered.id()))).errorCodes())
                .containsExactly("NOT_FOUND");
    }

    @Test
    void an_organization_registers_at_most_its_limit_of_webhooks() {
        for (int i = 0; i < 20; i++) {
            register(Persona.ACME_MANAGER, "/hooks/" + i, "quiz.passed");
        }
        assertThat(create(Persona.ACME_MANAGER, Map.of("url", url("/one-more"), "eventTypes", List.of("quiz.passed")))
                .errorCodes()).containsExactly("CONFLICT");
        assertThat(stored()).isEqualTo(20);
    }
}
