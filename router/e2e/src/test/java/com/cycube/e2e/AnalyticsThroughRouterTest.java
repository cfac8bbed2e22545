package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlWsClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Analytics through the router with real Keycloak tokens: a trainee's learning reaches the manager's open dashboard
 * live (training → event log → analytics → change stream → WebSocket through the router), the trainee's own report
 * and learning records compose with identity's user, and another organization's manager sees none of it.
 */
@ExtendWith(RunningStack.class)
class AnalyticsThroughRouterTest {

    private static final String DASHBOARD_UPDATED = """
            subscription { dashboardUpdated { organizationId figures { studyHours enrollments members } } }""";

    private final LocalStack stack;

    AnalyticsThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    private GraphQlClient as(String email) {
        return GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token(email));
    }

    /** Training learns courses from catalog's events: a fresh stack may need a moment before the first enroll. */
    private static String enroll(GraphQlClient trainee, String courseId) {
        return await("course " + courseId + " reaching training").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> trainee.execute("mutation($i: EnrollInput!) { enroll(input: $i) { enrollments { id } } }",
                        Map.of("i", Map.of("courseId", courseId))), reply -> reply.errorCodes().isEmpty())
                .<List<String>>get("data.enroll.enrollments[*].id").get(0);
    }

    private static double studyHours(JsonNode message) {
        assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
        return message.path("payload").path("data").path("dashboardUpdated").path("figures").path("studyHours").asDouble();
    }

    @Test
    void a_trainees_study_moves_the_managers_open_dashboard_and_their_own_report() throws Exception {
        GraphQlClient trainee = as("trainee@acme.test");
        String enrollmentId = enroll(trainee, "course-linux");

        try (GraphQlWsClient manager = GraphQlWsClient.connect(stack.routerUrl(), stack.token("manager@acme.test"))) {
            manager.subscribe("dashboard", DASHBOARD_UPDATED, Map.of());
            JsonNode now = manager.nextMessage(Duration.ofSeconds(30)).json();
            double before = studyHours(now);
            assertThat(now.path("payload").path("data").path("dashboardUpdated").path("organizationId").asString())
                    .isEqualTo("org-acme");

            trainee.execute("mutation($i: RecordStudyTimeInput!) { recordStudyTime(input: $i) { enrollment { id } } }",
                    Map.of("i", Map.of("enrollmentId", enrollmentId, "seconds", 3600))).assertNoErrors();

            double after = before;
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (after < before + 1 && System.nanoTime() < deadline) {
                after = studyHours(manager.nextMessage(Duration.ofSeconds(45)).json());
            }
            assertThat(after).as("the hour of study reached the open dashboard").isGreaterThanOrEqualTo(before + 1);
        }

        GraphQlClient.Response report = trainee.execute(
                "{ me { displayName learningReport { courses { courseId studyMinutes } } } }").assertNoErrors();
        List<Integer> minutes = report.get("data.me.learningReport.courses[?(@.courseId == 'course-linux')].studyMinutes");
        assertThat(minutes).singleElement().satisfies(studied -> assertThat(studied).isGreaterThanOrEqualTo(60));
        assertThat(trainee.execute("{ learningRecords(filter: {verb: REGISTERED}) { totalCount edges { node { userId verbIri } } } }")
                .assertNoErrors().<Integer>get("data.learningRecords.totalCount")).isGreaterThanOrEqualTo(1);

        assertThat(as("manager@globex.test").execute("{ organizationDashboard(organizationId: \"org-acme\") { organizationId } }")
                .errorCodes()).containsExactly("NOT_FOUND");
        assertThat(trainee.execute("{ organizationDashboard { organizationId } }").errorCodes()).containsExactly("FORBIDDEN");
    }
}
