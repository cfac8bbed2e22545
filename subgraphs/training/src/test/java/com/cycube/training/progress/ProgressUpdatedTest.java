package com.cycube.training.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.Persona;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.training.Ops;
import com.cycube.training.TrainingIntegrationTest;
import com.cycube.training.enrollments.EnrollmentDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * progressUpdated over WebSocket, fed by the enrollments' change stream: a trainee's own changes, a team's, the
 * organization's; never another organization's; and nothing for writes that change nothing visible (the outbox
 * relay removing delivered events).
 */
class ProgressUpdatedTest extends TrainingIntegrationTest {

    @Autowired
    ProgressUpdates updates;

    private static Map<String, Object> input(String key, Object value) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", key == null ? null : Map.of(key, value));
        return variables;
    }

    /** Subscribes and returns once the subscription is live (its baseline read), so no change can be missed. */
    private void subscribe(GraphQlWsClient client, Map<String, Object> variables) throws InterruptedException {
        long before = updates.feed().started();
        client.subscribe("1", Ops.PROGRESS_UPDATED, variables);
        assertThat(updates.feed().awaitStarted(before + 1, Duration.ofSeconds(5))).isTrue();
    }

    private void studyTime(Persona trainee, String enrollmentId, int seconds) {
        as(trainee, Ops.STUDY_TIME, Map.of("input", Map.of("enrollmentId", enrollmentId, "seconds", seconds))).assertNoErrors();
    }

    /** A refused subscription's two frames (the error and the completion; their order is not guaranteed). */
    private static String answer(GraphQlWsClient client) throws InterruptedException {
        return client.nextPayload() + client.nextPayload();
    }

    private static <T> T field(String message, String path) {
        return GraphQlWsClient.read(message, "payload.data.progressUpdated." + path);
    }

    @Test
    void a_trainee_receives_their_own_changes_and_nothing_for_the_outbox_relay_clearing_events() throws Exception {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        String colleague = enroll(OTHER_ACME_TRAINEE, "course-phishing");
        try (GraphQlWsClient trainee = GraphQlWsClient.connect(port, Persona.ACME_TRAINEE.token())) {
            subscribe(trainee, input(null, null));

            as(Persona.ACME_TRAINEE, Ops.COMPLETE_READING, Map.of("input", Map.of("enrollmentId", id, "cubeId", "read-1"))).assertNoErrors();
            String completed = trainee.nextPayload();
            assertThat(ProgressUpdatedTest.<String>field(completed, "id")).isEqualTo(id);
            assertThat(ProgressUpdatedTest.<Integer>field(completed, "progress.percent")).isEqualTo(33);

            drain(); // the relay pulls CubeCompleted/ProgressChanged out of the enrollment: a change event, nothing visible
            studyTime(OTHER_ACME_TRAINEE, colleague, 30); // someone else's change
            studyTime(Persona.ACME_TRAINEE, id, 120);
            String next = trainee.nextPayload();
            assertThat(ProgressUpdatedTest.<Integer>field(next, "progress.timeSpentSeconds"))
                    .as("the next push is the next visible change of their own").isEqualTo(120);
        }
    }

    @Test
    void a_manager_follows_a_team_and_receives_only_its_members_changes() throws Exception {
        String member = enroll(Persona.ACME_TRAINEE, "course-phishing");
        String outsider = enroll(OTHER_ACME_TRAINEE, "course-phishing");
        try (GraphQlWsClient manager = GraphQlWsClient.connect(port, Persona.ACME_MANAGER.token())) {
            subscribe(manager, input("teamId", SOC1));
            studyTime(OTHER_ACME_TRAINEE, outsider, 10);
            quizPassed(Persona.ACME_TRAINEE, "quiz-1", 90);
            drain();
            String pushed = manager.nextPayload();
            assertThat(ProgressUpdatedTest.<String>field(pushed, "id")).isEqualTo(member);
            assertThat(ProgressUpdatedTest.<String>field(pushed, "user.id")).isEqualTo(Persona.ACME_TRAINEE.subject());
            assertThat(ProgressUpdatedTest.<Integer>field(pushed, "progress.completedCubes")).isEqualTo(1);
        }
    }

    @Test
    void a_manager_follows_the_whole_organization_including_new_enrollments() throws Exception {
        try (GraphQlWsClient manager = GraphQlWsClient.connect(port, Persona.ACME_MANAGER.token())) {
            subscribe(manager, input("organizationWide", true));
            enroll(Persona.GLOBEX_TRAINEE, "course-phishing");
            String id = enroll(OTHER_ACME_TRAINEE, "course-linux");
            String pushed = manager.nextPayload();
            assertThat(ProgressUpdatedTest.<String>field(pushed, "id")).isEqualTo(id);
            assertThat(ProgressUpdatedTest.<String>field(pushed, "course.id")).isEqualTo("course-linux");
        }
    }

    /**
     * The embedded store's change events carry no document id, so changes are found by {@code changedAt}. A write
     * that took its {@code changedAt} before another write but was stored after it (a slower writer) is pushed too.
     * What both enrollments were when the subscription started is never pushed, even when the follower re-reads it
     * while the subscription starts (see {@link ProgressUpdatesTest}).
     */
    @Test
    void a_change_stamped_before_one_already_pushed_but_stored_after_it_is_pushed_too() throws Exception {
        String first = enroll(Persona.ACME_TRAINEE, "course-phishing");
        String slower = enroll(OTHER_ACME_TRAINEE, "course-phishing");
        try (GraphQlWsClient manager = GraphQlWsClient.connect(port, Persona.ACME_MANAGER.token())) {
            subscribe(manager, input("organizationWide", true));
            Instant slowerStamp = clock.instant(); // the slower write takes its changedAt now ...
            clock.advance(Duration.ofSeconds(2));
            studyTime(Persona.ACME_TRAINEE, first, 60); // ... a later-stamped write is stored and pushed first
            assertThat(ProgressUpdatedTest.<String>field(manager.nextPayload(), "id")).isEqualTo(first);

            mongo.updateFirst(Query.query(Criteria.where("_id").is(slower)), new Update().inc("timeSpentSeconds", 30)
                    .inc("revision", 1).set("changedAt", Date.from(slowerStamp)), EnrollmentDocument.class);
            String pushed = manager.nextPayload();
            assertThat(ProgressUpdatedTest.<String>field(pushed, "id")).isEqualTo(slower);
            assertThat(ProgressUpdatedTest.<Integer>field(pushed, "progress.timeSpentSeconds")).isEqualTo(30);
        }
    }

    @Test
    void a_subscriber_of_one_enrollment_gets_its_changes() throws Exception {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        try (GraphQlWsClient manager = GraphQlWsClient.connect(port, Persona.ACME_MANAGER.token())) {
            subscribe(manager, input("enrollmentId", id));
            objectivesMet(Persona.ACME_TRAINEE, "lab-1");
            drain();
            assertThat(ProgressUpdatedTest.<Integer>field(manager.nextPayload(), "progress.completedCubes")).isEqualTo(1);
        }
    }

    @Test
    void globex_is_refused_acme_enrollments_and_teams_and_never_receives_acme_changes() throws Exception {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        for (Map<String, Object> variables : new Map[] {input("enrollmentId", id), input("teamId", SOC1)}) {
            try (GraphQlWsClient globex = GraphQlWsClient.connect(port, Persona.GLOBEX_MANAGER.token())) {
                globex.subscribe("1", Ops.PROGRESS_UPDATED, variables);
                assertThat(answer(globex)).contains("NOT_FOUND").doesNotContain("progressUpdated\":{");
            }
        }
        String globexEnrollment = enroll(Persona.GLOBEX_TRAINEE, "course-phishing");
        try (GraphQlWsClient globex = GraphQlWsClient.connect(port, Persona.GLOBEX_MANAGER.token())) {
            subscribe(globex, input("organizationWide", true));
            studyTime(Persona.ACME_TRAINEE, id, 60);
            studyTime(Persona.GLOBEX_TRAINEE, globexEnrollment, 60);
            assertThat(ProgressUpdatedTest.<String>field(globex.nextPayload(), "id")).isEqualTo(globexEnrollment);
        }
    }

    @Test
    void trainees_cannot_follow_a_team_or_the_organization() throws Exception {
        try (GraphQlWsClient trainee = GraphQlWsClient.connect(port, Persona.ACME_TRAINEE.token())) {
            trainee.subscribe("1", Ops.PROGRESS_UPDATED, input("organizationWide", true));
            assertThat(answer(trainee)).contains("FORBIDDEN").doesNotContain("progressUpdated\":{");
            trainee.subscribe("2", Ops.PROGRESS_UPDATED, input("teamId", SOC1));
            assertThat(answer(trainee)).contains("FORBIDDEN").doesNotContain("progressUpdated\":{");
        }
    }
}
