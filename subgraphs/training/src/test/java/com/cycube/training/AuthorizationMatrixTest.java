package com.cycube.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call each mutation and restricted query; everyone else gets FORBIDDEN or UNAUTHENTICATED and nothing changes. */
class AuthorizationMatrixTest extends TrainingIntegrationTest {

    static final Persona WRITER = Persona.integration("acme-lms", ACME, List.of("training:write"));

    private Map<String, Object> assignInput() {
        return Map.of("courseId", "course-phishing", "userIds", List.of(Persona.ACME_TRAINEE.subject()), "dueAt", inAWeek());
    }

    @Test
    void enroll_is_for_people_of_an_organization() {
        assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-phishing"))).errorCodes()).isEmpty();
        assertThat(as(Persona.ACME_MANAGER, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-phishing"))).errorCodes()).isEmpty();
        assertThat(as(Persona.ROOT, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-phishing"))).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.ACME_HR_INTEGRATION, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-phishing"))).errorCodes())
                .containsExactly("FORBIDDEN");
        assertThat(as(WRITER, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-phishing"))).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(anonymous(Ops.ENROLL, Map.of("input", Map.of("courseId", "course-phishing"))).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(enrollmentCount()).isEqualTo(2);
    }

    @Test
    void assignTraining_is_for_managers_and_training_write_integrations() {
        assertThat(assign(Persona.ACME_MANAGER, assignInput()).errorCodes()).isEmpty();
        GraphQlClient.Response byIntegration = assign(WRITER, assignInput()).assertNoErrors();
        assertThat(byIntegration.<Object>get("data.assignTraining.assignment.assignedBy")).isNull();
        assertThat(assign(Persona.ACME_TRAINEE, assignInput()).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(assign(Persona.ACME_HR_INTEGRATION, assignInput()).errorCodes()).as("training:read only").containsExactly("FORBIDDEN");
        assertThat(assign(Persona.ROOT, assignInput()).errorCodes()).as("root acts in no organization").containsExactly("FORBIDDEN");
        assertThat(anonymous(Ops.ASSIGN, Map.of("input", assignInput())).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(mongo.getCollection("assignments").countDocuments()).isEqualTo(2);
    }

    @Test
    void completeReading_and_recordStudyTime_are_for_the_trainee_on_their_own_enrollment() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        Map<String, Object> reading = Map.of("input", Map.of("enrollmentId", id, "cubeId", "read-1"));
        Map<String, Object> time = Map.of("input", Map.of("enrollmentId", id, "seconds", 60));
        for (Persona other : List.of(Persona.ACME_MANAGER, OTHER_ACME_TRAINEE, Persona.GLOBEX_TRAINEE, Persona.GLOBEX_MANAGER)) {
            assertThat(as(other, Ops.COMPLETE_READING, reading).errorCodes()).as(other.email()).containsExactly("NOT_FOUND");
            assertThat(as(other, Ops.STUDY_TIME, time).errorCodes()).as(other.email()).containsExactly("NOT_FOUND");
        }
        for (Persona noTrainee : List.of(Persona.ACME_HR_INTEGRATION, WRITER)) {
            assertThat(as(noTrainee, Ops.COMPLETE_READING, reading).errorCodes()).containsExactly("FORBIDDEN");
            assertThat(as(noTrainee, Ops.STUDY_TIME, time).errorCodes()).containsExactly("FORBIDDEN");
        }
        assertThat(anonymous(Ops.COMPLETE_READING, reading).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(stored(id).cubes()).isEmpty();
        assertThat(stored(id).timeSpentSeconds()).isZero();
        assertThat(as(Persona.ACME_TRAINEE, Ops.COMPLETE_READING, reading).errorCodes()).isEmpty();
        assertThat(as(Persona.ACME_TRAINEE, Ops.STUDY_TIME, time).errorCodes()).isEmpty();
    }

    @Test
    void assignments_are_for_managers_root_and_training_read_integrations() {
        assertThat(as(Persona.ACME_MANAGER, Ops.ASSIGNMENTS).errorCodes()).isEmpty();
        assertThat(as(Persona.ROOT, Ops.ASSIGNMENTS).errorCodes()).isEmpty();
        assertThat(as(Persona.ACME_HR_INTEGRATION, Ops.ASSIGNMENTS).errorCodes()).isEmpty();
        assertThat(as(Persona.ACME_TRAINEE, Ops.ASSIGNMENTS).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(WRITER, Ops.ASSIGNMENTS).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(anonymous(Ops.ASSIGNMENTS, Map.of()).errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void an_enrollment_is_read_by_its_trainee_their_managers_training_read_integrations_and_root_only() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        for (Persona reader : List.of(Persona.ACME_TRAINEE, Persona.ACME_MANAGER, Persona.ACME_HR_INTEGRATION, Persona.ROOT)) {
            assertThat(as(reader, Ops.ENROLLMENT, Map.of("id", id)).assertNoErrors().<String>get("data.enrollment.id"))
                    .as(String.valueOf(reader.email())).isEqualTo(id);
        }
        for (Persona other : List.of(OTHER_ACME_TRAINEE, Persona.GLOBEX_MANAGER, Persona.GLOBEX_TRAINEE, WRITER)) {
            assertThat(as(other, Ops.ENROLLMENT, Map.of("id", id)).assertNoErrors().<Object>get("data.enrollment"))
                    .as(String.valueOf(other.email())).isNull();
        }
        assertThat(anonymous(Ops.ENROLLMENT, Map.of("id", id)).errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void expired_and_forged_tokens_are_refused() {
        for (String token : List.of(TestTokens.expiredTokenFor(Persona.ACME_TRAINEE), TestTokens.forgedTokenFor(Persona.ACME_TRAINEE))) {
            GraphQlClient.Response response = GraphQlClient.forPort(port).withToken(token)
                    .execute(Ops.ENROLL, Map.of("input", Map.of("courseId", "course-phishing")));
            assertThat(response.status()).isEqualTo(401);
        }
        assertThat(enrollmentCount()).isZero();
    }
}
