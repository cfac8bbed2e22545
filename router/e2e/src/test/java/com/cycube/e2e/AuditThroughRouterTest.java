package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail through the router with real Keycloak tokens: a manager's mutation (in identity) and their refused
 * attempt on another organization reach the audit subgraph through the outbox and the event log and are listed by
 * {@code auditEvents} with the client address the subgraph saw; the trainee may not read the trail; a record altered
 * directly in the database makes {@code verifyAuditTrail} report it.
 */
@ExtendWith(RunningStack.class)
class AuditThroughRouterTest {

    private static final String RENAME = "mutation($i: RenameOrganizationInput!) { renameOrganization(input: $i) { organization { name } } }";
    private static final String EVENTS = """
            query($f: AuditEventFilter) { auditEvents(filter: $f, first: 20) { edges { node {
              id action outcome errorCode organizationId actor clientIp resourceType resourceId seq } } } }""";
    private static final String VERIFY = "{ verifyAuditTrail { intact checkedRecords firstProblem { kind seq recordId } } }";

    private final LocalStack stack;

    AuditThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void a_managers_mutation_and_refused_cross_tenant_attempt_are_in_the_trail_and_a_tampered_record_is_reported() {
        GraphQlClient manager = GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token("manager@acme.test"));
        GraphQlClient trainee = GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token("trainee@acme.test"));
        String managerId = manager.execute("{ me { id } }").assertNoErrors().get("data.me.id");

        manager.execute(RENAME, Map.of("i", Map.of("organizationId", "org-acme", "name", "Acme Corporation"))).assertNoErrors();
        assertThat(manager.execute(RENAME, Map.of("i", Map.of("organizationId", "org-globex", "name", "Taken over"))).errorCodes())
                .isNotEmpty();

        Map<String, Object> filter = Map.of("f", Map.of("action", "mutation.renameOrganization", "actor", managerId));
        await("both records in the trail").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> manager.execute(EVENTS, filter).assertNoErrors().<List<String>>get("data.auditEvents.edges[*].node.outcome"),
                        outcomes -> outcomes.contains("SUCCESS") && outcomes.stream().anyMatch(o -> !o.equals("SUCCESS")));
        List<Map<String, Object>> records = manager.execute(EVENTS, filter).assertNoErrors().get("data.auditEvents.edges[*].node");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.get("organizationId")).isEqualTo("org-acme");
            assertThat(record.get("clientIp")).as("locally the router is the edge: its loopback address, the local client's (router/README.md)").isNotNull();
        });
        assertThat(records).filteredOn(record -> !"SUCCESS".equals(record.get("outcome")))
                .allSatisfy(refused -> assertThat(refused.get("errorCode")).isNotNull());
        assertThat(trainee.execute(EVENTS, filter).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(manager.execute(VERIFY).assertNoErrors().<Boolean>get("data.verifyAuditTrail.intact")).isTrue();

        String altered = (String) records.get(0).get("id");
        try (MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
            var trail = mongo.getDatabase("cycube-audit").getCollection("audit_events");
            String outcome = trail.find(Filters.eq("_id", altered)).first().getString("outcome");
            trail.updateOne(Filters.eq("_id", altered), Updates.set("outcome", "SUCCESS_REWRITTEN"));
            try {
                GraphQlClient.Response verified = manager.execute(VERIFY).assertNoErrors();
                assertThat(verified.<Boolean>get("data.verifyAuditTrail.intact")).isFalse();
                assertThat(verified.<String>get("data.verifyAuditTrail.firstProblem.kind")).isEqualTo("ALTERED");
                assertThat(verified.<String>get("data.verifyAuditTrail.firstProblem.recordId")).isEqualTo(altered);
            } finally { // the stack is shared by the other end-to-end tests
                trail.updateOne(Filters.eq("_id", altered), Updates.set("outcome", outcome));
            }
        }
        assertThat(manager.execute(VERIFY).assertNoErrors().<Boolean>get("data.verifyAuditTrail.intact")).isTrue();
    }

    @Test
    void a_failed_sign_in_at_keycloak_reaches_the_organizations_trail() {
        GraphQlClient manager = GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token("manager@acme.test"));
        String traineeId = GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token("trainee@acme.test"))
                .execute("{ me { id } }").assertNoErrors().get("data.me.id");
        assertThatThrownBy(() -> stack.token("trainee@acme.test", "not-the-password")).isInstanceOf(IllegalStateException.class);

        Map<String, Object> failures = Map.of("f", Map.of("action", "auth.login.failure", "actor", traineeId));
        await("Keycloak's LOGIN_ERROR in the trail").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> manager.execute(EVENTS, failures).assertNoErrors().<List<Object>>get("data.auditEvents.edges"),
                        edges -> !edges.isEmpty());
        Map<String, Object> failure = manager.execute(EVENTS, failures).assertNoErrors().get("data.auditEvents.edges[0].node");
        assertThat(failure).containsEntry("outcome", "FAILURE").containsEntry("organizationId", "org-acme");
        assertThat(failure.get("clientIp")).as("Keycloak's record of the client's address").isNotNull();
    }
}
