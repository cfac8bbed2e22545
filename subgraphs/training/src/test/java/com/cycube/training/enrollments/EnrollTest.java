package com.cycube.training.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testing.GraphQlTestClient;
import com.cycube.testing.Persona;
import com.cycube.training.Ops;
import com.cycube.training.TrainingIntegrationTest;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Self-enrollment: only in open courses the trainee's organization may see, once per course. */
class EnrollTest extends TrainingIntegrationTest {

    @Test
    void a_trainee_enrolls_in_a_published_global_course_and_starts_on_track_at_zero() {
        GraphQlTestClient.Response response = as(Persona.ACME_TRAINEE, Ops.ENROLL,
                Map.of("input", Map.of("courseId", "course-phishing"))).assertNoErrors();
        assertThat(response.<Boolean>get("data.enroll.alreadyEnrolled")).isFalse();
        assertThat(response.<String>get("data.enroll.enrollments[0].organizationId")).isEqualTo(ACME);
        assertThat(response.<String>get("data.enroll.enrollments[0].user.id")).isEqualTo(Persona.ACME_TRAINEE.subject());
        assertThat(response.<String>get("data.enroll.enrollments[0].course.id")).isEqualTo("course-phishing");
        assertThat(response.<String>get("data.enroll.enrollments[0].source")).isEqualTo("SELF");
        assertThat(response.<Integer>get("data.enroll.enrollments[0].progress.percent")).isZero();
        assertThat(response.<Integer>get("data.enroll.enrollments[0].progress.totalCubes")).isEqualTo(3);
        assertThat(response.<String>get("data.enroll.enrollments[0].progress.status")).isEqualTo("ON_TRACK");
        assertThat(response.<List<String>>get("data.enroll.enrollments[0].progress.cubes[*].kind"))
                .containsExactly("READING", "QUIZ", "LAB");
    }

    @Test
    void enrolling_twice_returns_the_same_enrollment_and_writes_nothing_new() {
        String first = enroll(Persona.ACME_TRAINEE, "course-phishing");
        GraphQlTestClient.Response again = as(Persona.ACME_TRAINEE, Ops.ENROLL,
                Map.of("input", Map.of("courseId", "course-phishing"))).assertNoErrors();
        assertThat(again.<String>get("data.enroll.enrollments[0].id")).isEqualTo(first);
        assertThat(again.<Boolean>get("data.enroll.alreadyEnrolled")).isTrue();
        assertThat(enrollmentCount()).isEqualTo(1);
    }

    @Test
    void a_trainee_can_enroll_in_their_own_organizations_course() {
        enroll(Persona.ACME_TRAINEE, "course-acme-ir");
        assertThat(enrollmentCount()).isEqualTo(1);
    }

    @Test
    void unknown_unpublished_archived_and_other_organizations_courses_are_not_found_and_nothing_is_written() {
        for (String course : List.of("course-never-published", "course-retired", "course-globex-secrets")) {
            GraphQlTestClient.Response response = as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", course)));
            assertThat(response.errorCodes()).as(course).containsExactly("NOT_FOUND");
        }
        assertThat(as(Persona.GLOBEX_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-acme-ir"))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(enrollmentCount()).isZero();
    }

    @Test
    void the_answer_for_another_organizations_course_is_the_same_as_for_a_missing_one() {
        String foreign = as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-globex-secrets"))).body();
        String missing = as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-missing"))).body();
        assertThat(foreign.replace("course-globex-secrets", "<id>")).isEqualTo(missing.replace("course-missing", "<id>"));
    }

    @Test
    void an_archival_older_than_the_latest_publication_does_not_close_the_course_whatever_the_order() {
        // a republication after the archival opens the course again; an old publication arriving late changes nothing
        coursePublished("course-retired", null, 2, "Retired course, revised", cube("old-read", "READING"), cube("new-read", "READING"));
        coursePublished("course-retired", null, 1, "Retired course", cube("old-read", "READING"));
        drain();
        GraphQlTestClient.Response response = as(Persona.ACME_TRAINEE, Ops.ENROLL,
                Map.of("input", Map.of("courseId", "course-retired"))).assertNoErrors();
        assertThat(response.<Integer>get("data.enroll.enrollments[0].progress.totalCubes")).isEqualTo(2);
    }

    @Test
    void enrolling_in_a_learning_path_enrolls_in_each_of_its_courses_once() {
        enroll(Persona.ACME_TRAINEE, "course-linux");
        GraphQlTestClient.Response response = as(Persona.ACME_TRAINEE, Ops.ENROLL,
                Map.of("input", Map.of("learningPathId", "path-soc"))).assertNoErrors();
        assertThat(response.<List<String>>get("data.enroll.enrollments[*].course.id"))
                .containsExactly("course-phishing", "course-linux");
        assertThat(response.<Boolean>get("data.enroll.alreadyEnrolled")).isFalse();
        assertThat(enrollmentCount()).isEqualTo(2);
    }

    @Test
    void a_course_published_later_becomes_enrollable_when_its_event_arrives() {
        assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-new"))).errorCodes())
                .containsExactly("NOT_FOUND");
        coursePublished("course-new", null, 1, "New", cube("n-1", "READING"));
        drain();
        enroll(Persona.ACME_TRAINEE, "course-new");
    }

    @Test
    void bad_input_is_refused_with_nothing_written() {
        assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of())).errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input",
                Map.of("courseId", "course-phishing", "learningPathId", "path-soc"))).errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(enrollmentCount()).isZero();
        assertThat(mongo.getCollection("seats").countDocuments(new Document())).isZero();
    }
}
