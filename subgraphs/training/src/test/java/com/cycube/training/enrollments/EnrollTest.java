package com.cycube.training.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.support.contracts.catalog.LearningPathPublished;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.training.Ops;
import com.cycube.training.TrainingIntegrationTest;
import com.cycube.training.catalog.CourseDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Self-enrollment: only in open courses the trainee's organization may see, once per course. */
class EnrollTest extends TrainingIntegrationTest {

    @Test
    void a_trainee_enrolls_in_a_published_global_course_and_starts_on_track_at_zero() {
        GraphQlClient.Response response = as(Persona.ACME_TRAINEE, Ops.ENROLL,
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
        GraphQlClient.Response again = as(Persona.ACME_TRAINEE, Ops.ENROLL,
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
            GraphQlClient.Response response = as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", course)));
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
    void an_archived_course_stays_closed_whatever_publication_arrives_later() {
        // the archive is final: neither a higher version nor an old one arriving late re-opens the course
        coursePublished("course-retired", null, 2, "Retired course, revised", cube("old-read", "READING"), cube("new-read", "READING"));
        coursePublished("course-retired", null, 1, "Retired course", cube("old-read", "READING"));
        drain();
        assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-retired"))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(enrollmentCount()).isZero();
    }

    @Test
    void the_first_archive_is_kept_and_an_archive_delivered_before_the_publication_closes_the_course_too() {
        Instant archivedAt = mongo.findById("course-retired", CourseDocument.class).archivedAt();
        append(null, new CourseArchived("course-retired")); // archived again, later by the clock
        append(null, new CourseArchived("course-late"));
        coursePublished("course-late", null, 1, "Late", cube("late-read", "READING"));
        drain();
        assertThat(mongo.findById("course-retired", CourseDocument.class).archivedAt()).isEqualTo(archivedAt);
        assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-late"))).errorCodes())
                .containsExactly("NOT_FOUND");
    }

    @Test
    void a_learning_path_keeps_its_highest_version_whatever_the_order_of_arrival() {
        append(null, new LearningPathPublished("path-ops", 2L, "Ops, revised", "GLOBAL", null, List.of("course-linux")));
        append(null, new LearningPathPublished("path-ops", 1L, "Ops", "GLOBAL", null, List.of("course-phishing", "course-linux")));
        drain();
        GraphQlClient.Response response = as(Persona.ACME_TRAINEE, Ops.ENROLL,
                Map.of("input", Map.of("learningPathId", "path-ops"))).assertNoErrors();
        assertThat(response.<List<String>>get("data.enroll.enrollments[*].course.id")).containsExactly("course-linux");
    }

    /** Paths published before publications were counted arrive without a version: they count as version 0. */
    @Test
    void a_learning_path_published_before_versions_existed_is_learned_and_never_beats_a_numbered_one() {
        append(null, new LearningPathPublished("path-legacy", null, "Legacy", "GLOBAL", null, List.of("course-phishing")));
        drain();
        assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("learningPathId", "path-legacy")))
                .assertNoErrors().<List<String>>get("data.enroll.enrollments[*].course.id")).containsExactly("course-phishing");

        append(null, new LearningPathPublished("path-ops", 1L, "Ops", "GLOBAL", null, List.of("course-linux")));
        append(null, new LearningPathPublished("path-ops", null, "Ops, legacy", "GLOBAL", null, List.of("course-phishing")));
        drain();
        assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("learningPathId", "path-ops")))
                .assertNoErrors().<List<String>>get("data.enroll.enrollments[*].course.id")).containsExactly("course-linux");
    }

    @Test
    void enrolling_in_a_learning_path_enrolls_in_each_of_its_courses_once() {
        enroll(Persona.ACME_TRAINEE, "course-linux");
        GraphQlClient.Response response = as(Persona.ACME_TRAINEE, Ops.ENROLL,
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
