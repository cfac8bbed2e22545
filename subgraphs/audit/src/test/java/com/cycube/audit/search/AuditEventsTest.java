package com.cycube.audit.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who reads which records: root every organization's, managers and integration clients with audit:read their own,
 * nobody else; another organization's records answer nothing; every read is itself recorded.
 */
class AuditEventsTest extends AuditIntegrationTest {

    private static final String AUDIT_EVENTS = """
            query($filter: AuditEventFilter, $first: Int) {
              auditEvents(filter: $filter, first: $first) {
                totalCount
                edges { node { id organizationId actor action resourceType resourceId outcome seq hash changes { field value } } }
              }
            }""";
    private static final String VERIFY = """
            query($org: ID) { verifyAuditTrail(organizationId: $org) { organizationId intact checkedRecords firstProblem { kind } } }""";

    @BeforeEach
    void twoOrganizationsAndThePlatformHaveRecords() {
        send(record(ACME, Persona.ACME_MANAGER.subject(), "mutation.createTeam", "SUCCESS"));
        send(record(ACME, Persona.ACME_TRAINEE.subject(), "query.adminReport", "DENIED", "FORBIDDEN", null, List.of(),
                "Managers only"));
        send(record(ACME, Persona.ACME_MANAGER.subject(), "mutation.changeMemberRole", "SUCCESS"));
        send(record(GLOBEX, Persona.GLOBEX_MANAGER.subject(), "mutation.createTeam", "SUCCESS"));
        send(record(null, Persona.ROOT.subject(), "mutation.createOrganization", "SUCCESS"));
        drain();
    }

    @Test
    void a_trainee_may_not_read_the_audit_trail() {
        assertThat(as(Persona.ACME_TRAINEE, AUDIT_EVENTS).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.ACME_TRAINEE, VERIFY).errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void without_a_token_the_audit_trail_is_unauthenticated() {
        assertThat(GraphQlClient.forPort(port).anonymous().execute(AUDIT_EVENTS).errorCodes())
                .containsExactly("UNAUTHENTICATED");
    }

    @Test
    void a_manager_reads_their_own_organizations_records_newest_first() {
        GraphQlClient.Response response = as(Persona.ACME_MANAGER, AUDIT_EVENTS).assertNoErrors();

        assertThat(response.<Integer>get("data.auditEvents.totalCount")).isEqualTo(3);
        assertThat(response.<List<String>>get("data.auditEvents.edges[*].node.action"))
                .containsExactly("mutation.changeMemberRole", "query.adminReport", "mutation.createTeam");
        assertThat(response.<List<String>>get("data.auditEvents.edges[*].node.organizationId")).containsOnly(ACME);
    }

    @Test
    void a_manager_asking_for_another_organizations_records_gets_none() {
        GraphQlClient.Response response = as(Persona.ACME_MANAGER, AUDIT_EVENTS,
                Map.of("filter", Map.of("organizationId", GLOBEX))).assertNoErrors();

        assertThat(response.<Integer>get("data.auditEvents.totalCount")).isZero();
        assertThat(response.<List<Object>>get("data.auditEvents.edges")).isEmpty();
    }

    @Test
    void an_integration_client_reads_its_organizations_records_only_with_the_audit_read_scope() {
        assertThat(as(Persona.ACME_HR_INTEGRATION, AUDIT_EVENTS).errorCodes()).containsExactly("FORBIDDEN");

        GraphQlClient.Response response = as(ACME_AUDITOR, AUDIT_EVENTS).assertNoErrors();

        assertThat(response.<Integer>get("data.auditEvents.totalCount")).isEqualTo(3);
        assertThat(response.<List<String>>get("data.auditEvents.edges[*].node.organizationId")).containsOnly(ACME);
    }

    @Test
    void root_reads_every_organizations_records_and_the_platforms_or_one_organizations() {
        assertThat(as(Persona.ROOT, AUDIT_EVENTS).assertNoErrors().<Integer>get("data.auditEvents.totalCount")).isEqualTo(5);
        assertThat(as(Persona.ROOT, AUDIT_EVENTS, Map.of("filter", Map.of("organizationId", GLOBEX))).assertNoErrors()
                .<List<String>>get("data.auditEvents.edges[*].node.actor")).containsExactly(Persona.GLOBEX_MANAGER.subject());
    }

    @Test
    void the_filter_narrows_by_actor_action_resource_outcome_and_time() {
        assertThat(count(Map.of("actor", Persona.ACME_TRAINEE.subject()))).isEqualTo(1);
        assertThat(count(Map.of("action", "mutation.createTeam"))).isEqualTo(1);
        assertThat(count(Map.of("resourceType", "User", "resourceId", "user-7"))).isEqualTo(3);
        assertThat(count(Map.of("outcome", "DENIED"))).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        send(record(ACME, Persona.ACME_MANAGER.subject(), "mutation.updateTeam", "SUCCESS"));
        drain();
        assertThat(count(Map.of("from", now().minusSeconds(30).toString()))).isEqualTo(1);
        assertThat(count(Map.of("to", now().minusSeconds(30).toString(), "action", "mutation.updateTeam"))).isZero();
    }

    @Test
    void every_read_of_the_trail_is_itself_recorded_with_who_looked_at_which_organization() {
        as(Persona.ACME_MANAGER, AUDIT_EVENTS).assertNoErrors();
        as(Persona.ROOT, VERIFY, Map.of("org", GLOBEX)).assertNoErrors();
        drain(); // the audit subgraph's own records travel like everyone's: outbox, relay, log, trail

        GraphQlClient.Response reads = as(Persona.ROOT, AUDIT_EVENTS, Map.of("filter", Map.of("resourceType", "AuditTrail")))
                .assertNoErrors();

        assertThat(reads.<List<String>>get("data.auditEvents.edges[*].node.action"))
                .containsExactly("read.auditTrailVerification", "read.auditEvents");
        assertThat(reads.<List<String>>get("data.auditEvents.edges[*].node.resourceId")).containsExactly(GLOBEX, ACME);
        assertThat(reads.<List<String>>get("data.auditEvents.edges[*].node.actor"))
                .containsExactly(Persona.ROOT.subject(), Persona.ACME_MANAGER.subject());
    }

    @Test
    void verification_answers_for_the_own_organization_and_root_for_any_but_another_organizations_trail_is_not_found() {
        GraphQlClient.Response own = as(Persona.ACME_MANAGER, VERIFY).assertNoErrors();
        assertThat(own.<Boolean>get("data.verifyAuditTrail.intact")).isTrue();
        assertThat(own.<Integer>get("data.verifyAuditTrail.checkedRecords")).isEqualTo(3);

        assertThat(as(Persona.ACME_MANAGER, VERIFY, Map.of("org", GLOBEX)).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(as(ACME_AUDITOR, VERIFY).assertNoErrors().<Boolean>get("data.verifyAuditTrail.intact")).isTrue();
        assertThat(as(Persona.ROOT, VERIFY, Map.of("org", GLOBEX)).assertNoErrors()
                .<Integer>get("data.verifyAuditTrail.checkedRecords")).isEqualTo(1);
        assertThat(as(Persona.ROOT, VERIFY).assertNoErrors().<String>get("data.verifyAuditTrail.organizationId")).isNull();
    }

    private int count(Map<String, Object> filter) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        return as(Persona.ACME_MANAGER, AUDIT_EVENTS, variables).assertNoErrors().<Integer>get("data.auditEvents.totalCount");
    }
}
