package com.cycube.analytics.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.analytics.LearningFacts;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * dashboardUpdated over WebSocket: the dashboard now, then again when the organization's learners move it — a burst
 * of facts in one push; never for another organization's facts; refused like the query.
 */
class DashboardUpdatedTest extends LearningFacts {

    static final String SUBSCRIPTION = """
            subscription($org: ID) { dashboardUpdated(organizationId: $org) {
              organizationId figures { enrollments completions } } }""";

    @Autowired
    DashboardUpdates updates;

    private static Integer enrollments(String message) {
        return GraphQlWsClient.read(message, "payload.data.dashboardUpdated.figures.enrollments");
    }

    private void subscribe(GraphQlWsClient client, String org) throws InterruptedException {
        long before = updates.feed().started();
        Map<String, Object> variables = new HashMap<>();
        variables.put("org", org);
        client.subscribe("1", SUBSCRIPTION, variables);
        assertThat(updates.feed().awaitStarted(before + 1, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void a_managers_open_dashboard_moves_when_a_trainee_learns_a_burst_arriving_as_one_push() throws Exception {
        try (GraphQlWsClient manager = GraphQlWsClient.connect(port, Persona.ACME_MANAGER.token())) {
            subscribe(manager, null);
            assertThat(enrollments(manager.nextPayload())).as("the dashboard now").isEqualTo(0);

            selfEnrolled(Persona.GLOBEX_TRAINEE, "course-phishing"); // another organization: nothing to push
            selfEnrolled(Persona.ACME_TRAINEE, "course-phishing");
            selfEnrolled(OTHER_ACME_TRAINEE, "course-phishing");
            courseCompleted(Persona.ACME_TRAINEE, "course-phishing", 70.0);
            drain();

            String pushed = manager.nextPayload();
            assertThat(enrollments(pushed)).isEqualTo(2);
            assertThat(GraphQlWsClient.<Integer>read(pushed, "payload.data.dashboardUpdated.figures.completions")).isEqualTo(1);
            assertThat(manager.poll(Duration.ofMillis(1500))).as("one push for the burst").isEmpty();
        }
    }

    @Test
    void a_trainee_or_another_organizations_manager_cannot_follow_it() throws Exception {
        try (GraphQlWsClient trainee = GraphQlWsClient.connect(port, Persona.ACME_TRAINEE.token())) {
            trainee.subscribe("1", SUBSCRIPTION, Map.of());
            assertThat(trainee.nextPayload()).contains("FORBIDDEN");
        }
        try (GraphQlWsClient globex = GraphQlWsClient.connect(port, Persona.GLOBEX_MANAGER.token())) {
            globex.subscribe("1", SUBSCRIPTION, Map.of("org", ACME));
            assertThat(globex.nextPayload()).contains("NOT_FOUND");
        }
    }
}
