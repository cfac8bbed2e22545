package com.cycube.training.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.training.Ops;
import com.cycube.training.TrainingIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Globex never sees Acme's training: by id, in lists, and through every federated reference. */
class TenantIsolationTest extends TrainingIntegrationTest {

    private GraphQlClient.Response entities(Persona persona, List<Map<String, Object>> representations) {
        return as(persona, Ops.ENTITIES, Map.of("r", representations));
    }

    private String acmeTeamAssignment() {
        return assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing", "teamIds", List.of(SOC1), "dueAt", inAWeek()))
                .assertNoErrors().get("data.assignTraining.assignment.id");
    }

    @Test
    void globex_gets_nothing_of_acme_through_entities_on_enrollment_assignment_user_course_and_team() {
        String assignment = acmeTeamAssignment();
        String enrollment = com.cycube.training.enrollments.EnrollmentDocument.idFor(ACME, Persona.ACME_TRAINEE.subject(), "course-phishing");
        List<Map<String, Object>> references = List.of(
                Map.of("__typename", "Enrollment", "id", enrollment),
                Map.of("__typename", "Assignment", "id", assignment),
                Map.of("__typename", "User", "id", Persona.ACME_TRAINEE.subject()),
                Map.of("__typename", "Course", "id", "course-phishing"),
                Map.of("__typename", "Team", "id", SOC1));
        for (Persona globex : List.of(Persona.GLOBEX_MANAGER, Persona.GLOBEX_TRAINEE)) {
            GraphQlClient.Response response = entities(globex, references).assertNoErrors();
            assertThat(response.<Object>get("data._entities[0]")).isNull();
            assertThat(response.<Object>get("data._entities[1]")).isNull();
            assertThat(response.<Integer>get("data._entities[2].enrollments.totalCount")).isZero();
            assertThat(response.<Object>get("data._entities[3].myEnrollment")).isNull();
            assertThat(response.<Object>get("data._entities[4].teamProgress")).isNull();
            assertThat(response.body()).doesNotContain(enrollment, assignment);
        }
        GraphQlClient.Response acme = entities(Persona.ACME_MANAGER, references).assertNoErrors();
        assertThat(acme.<String>get("data._entities[0].id")).isEqualTo(enrollment);
        assertThat(acme.<String>get("data._entities[1].id")).isEqualTo(assignment);
        assertThat(acme.<Integer>get("data._entities[2].enrollments.totalCount")).isEqualTo(1);
        assertThat(acme.<Integer>get("data._entities[4].teamProgress.members")).isEqualTo(1);
        assertThat(acme.<Integer>get("data._entities[4].teamProgress.enrollments")).isEqualTo(1);
    }

    @Test
    void globex_cannot_read_acme_enrollments_by_id_or_in_its_own_lists() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        for (Persona globex : List.of(Persona.GLOBEX_MANAGER, Persona.GLOBEX_TRAINEE)) {
            assertThat(as(globex, Ops.ENROLLMENT, Map.of("id", id)).assertNoErrors().<Object>get("data.enrollment")).isNull();
            assertThat(as(globex, Ops.MY_ENROLLMENTS, Map.of()).assertNoErrors().<Integer>get("data.myEnrollments.totalCount")).isZero();
        }
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.ASSIGNMENTS).assertNoErrors().<Integer>get("data.assignments.totalCount")).isZero();
    }

    @Test
    void user_enrollments_are_for_the_user_their_managers_and_training_read_integrations_not_for_colleagues() {
        enroll(Persona.ACME_TRAINEE, "course-phishing");
        enroll(Persona.ACME_TRAINEE, "course-linux");
        Map<String, Object> trainee = Map.of("__typename", "User", "id", Persona.ACME_TRAINEE.subject());
        for (Persona reader : List.of(Persona.ACME_TRAINEE, Persona.ACME_MANAGER, Persona.ACME_HR_INTEGRATION, Persona.ROOT)) {
            assertThat(entities(reader, List.of(trainee)).assertNoErrors().<Integer>get("data._entities[0].enrollments.totalCount"))
                    .as(String.valueOf(reader.email())).isEqualTo(2);
        }
        assertThat(entities(OTHER_ACME_TRAINEE, List.of(trainee)).assertNoErrors()
                .<Integer>get("data._entities[0].enrollments.totalCount")).isZero();
    }

    @Test
    void course_my_enrollment_is_the_callers_own_and_team_progress_is_for_managers() {
        String mine = enroll(Persona.ACME_TRAINEE, "course-phishing");
        List<Map<String, Object>> references = List.of(Map.of("__typename", "Course", "id", "course-phishing"),
                Map.of("__typename", "Course", "id", "course-linux"), Map.of("__typename", "Team", "id", SOC1));
        GraphQlClient.Response trainee = entities(Persona.ACME_TRAINEE, references).assertNoErrors();
        assertThat(trainee.<String>get("data._entities[0].myEnrollment.id")).isEqualTo(mine);
        assertThat(trainee.<Object>get("data._entities[1].myEnrollment")).isNull();
        assertThat(trainee.<Object>get("data._entities[2].teamProgress")).as("trainees do not see team progress").isNull();
        assertThat(entities(OTHER_ACME_TRAINEE, references).assertNoErrors().<Object>get("data._entities[0].myEnrollment")).isNull();
        assertThat(entities(Persona.ACME_MANAGER, references).assertNoErrors().<Integer>get("data._entities[2].teamProgress.enrolledMembers"))
                .isEqualTo(1);
    }

    @Test
    void entities_need_a_token() {
        assertThat(anonymous(Ops.ENTITIES, Map.of("r", List.of(Map.of("__typename", "User", "id", "x")))).errorCodes())
                .contains("UNAUTHENTICATED");
    }
}
