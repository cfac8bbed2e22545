package com.cycube.training.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.CubeCompleted;
import com.cycube.support.contracts.training.ProgressChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventPayload;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.training.Ops;
import com.cycube.training.TrainingIntegrationTest;
import com.cycube.training.enrollments.EnrollmentDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Progress moves only on facts: readings completed here, quizzes passed (assessment), lab objectives met (labs),
 * answers and lab state changes (attempts, last activity). Each event counts once; completing a cube emits
 * CubeCompleted and ProgressChanged, the last one CourseCompleted, all from the same write.
 */
class ProgressFromFactsTest extends TrainingIntegrationTest {

    @Autowired
    ProgressFactsHandler facts;

    private List<DomainEvent> produced(Class<? extends EventPayload> type) {
        return eventLog.ofType(EventPayload.typeOf(type));
    }

    private GraphQlClient.Response read(String enrollmentId) {
        return as(Persona.ACME_TRAINEE, Ops.ENROLLMENT, Map.of("id", enrollmentId)).assertNoErrors();
    }

    @Test
    void a_reading_completed_by_the_trainee_moves_progress_and_emits_cube_completed_and_progress_changed() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        GraphQlClient.Response response = as(Persona.ACME_TRAINEE, Ops.COMPLETE_READING,
                Map.of("input", Map.of("enrollmentId", id, "cubeId", "read-1"))).assertNoErrors();
        assertThat(response.<Integer>get("data.completeReading.enrollment.progress.percent")).isEqualTo(33);
        assertThat(response.<String>get("data.completeReading.enrollment.progress.cubes[0].completedBy")).isEqualTo("READING");
        as(Persona.ACME_TRAINEE, Ops.COMPLETE_READING, Map.of("input", Map.of("enrollmentId", id, "cubeId", "read-1"))).assertNoErrors();
        drain();
        assertThat(produced(CubeCompleted.class)).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(ACME);
            assertThat(event.source()).isEqualTo("training");
            assertThat(event.payloadAs(CubeCompleted.class))
                    .isEqualTo(new CubeCompleted(id, Persona.ACME_TRAINEE.subject(), "course-phishing", "read-1", "READING"));
        });
        assertThat(produced(ProgressChanged.class)).singleElement()
                .satisfies(event -> assertThat(event.payloadAs(ProgressChanged.class))
                        .isEqualTo(new ProgressChanged(id, Persona.ACME_TRAINEE.subject(), "course-phishing", 33, 1, 3, null, "ON_TRACK")));
        assertThat(mongo.getCollection(EnrollmentDocument.COLLECTION).find().first().get("_outbox", List.class))
                .as("relayed events leave the outbox").isEmpty();
    }

    @Test
    void completeReading_refuses_a_quiz_cube_and_a_cube_outside_the_course() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        assertThat(as(Persona.ACME_TRAINEE, Ops.COMPLETE_READING, Map.of("input", Map.of("enrollmentId", id, "cubeId", "quiz-1")))
                .errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(as(Persona.ACME_TRAINEE, Ops.COMPLETE_READING, Map.of("input", Map.of("enrollmentId", id, "cubeId", "ir-read")))
                .errorCodes()).containsExactly("NOT_FOUND");
        assertThat(stored(id).cubes()).isEmpty();
    }

    @Test
    void a_passed_quiz_completes_a_quiz_cube_with_its_score_and_counts_once_when_delivered_twice() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        DomainEvent passed = quizPassed(Persona.ACME_TRAINEE, "quiz-1", 80);
        drain();
        facts.handle(passed); // a redelivery (crash between effect and acknowledgement)
        quizPassed(Persona.ACME_TRAINEE, "quiz-1", 95); // another pass of the same quiz: already completed
        drain();
        GraphQlClient.Response response = read(id);
        assertThat(response.<Integer>get("data.enrollment.progress.completedCubes")).isEqualTo(1);
        assertThat(response.<Double>get("data.enrollment.progress.score")).isEqualTo(80.0);
        assertThat(response.<String>get("data.enrollment.progress.cubes[1].completedBy")).isEqualTo("QUIZ");
        assertThat(produced(CubeCompleted.class)).hasSize(1);
    }

    @Test
    void lab_objectives_met_complete_a_lab_cube_and_a_later_quiz_on_it_adds_only_its_score() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        objectivesMet(Persona.ACME_TRAINEE, "lab-1");
        quizPassed(Persona.ACME_TRAINEE, "lab-1", 70);
        drain();
        GraphQlClient.Response response = read(id);
        assertThat(response.<Boolean>get("data.enrollment.progress.cubes[2].completed")).isTrue();
        assertThat(response.<String>get("data.enrollment.progress.cubes[2].completedBy")).isEqualTo("LAB");
        assertThat(response.<Integer>get("data.enrollment.progress.cubes[2].score")).isEqualTo(70);
        assertThat(produced(CubeCompleted.class)).as("one cube, two completing facts").hasSize(1);
    }

    @Test
    void answers_and_lab_launches_count_as_attempts_and_move_last_activity() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        answerSubmitted(Persona.ACME_TRAINEE, "quiz-1", 1);
        DomainEvent second = answerSubmitted(Persona.ACME_TRAINEE, "quiz-1", 2);
        labStateChanged(Persona.ACME_TRAINEE, "lab-1", "REQUESTED", null);
        DomainEvent running = labStateChanged(Persona.ACME_TRAINEE, "lab-1", "RUNNING", "PROVISIONING");
        drain();
        facts.handle(second);
        GraphQlClient.Response response = read(id);
        assertThat(response.<Integer>get("data.enrollment.progress.cubes[1].attempts")).isEqualTo(2);
        assertThat(response.<Integer>get("data.enrollment.progress.cubes[2].attempts")).isEqualTo(1);
        assertThat(response.<String>get("data.enrollment.progress.lastActivityAt")).isEqualTo(running.occurredAt().toString());
        assertThat(response.<Integer>get("data.enrollment.progress.completedCubes")).isZero();
        assertThat(produced(ProgressChanged.class)).isEmpty();
    }

    @Test
    void the_last_cube_completes_the_course_and_emits_course_completed_with_title_and_score() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        as(Persona.ACME_TRAINEE, Ops.COMPLETE_READING, Map.of("input", Map.of("enrollmentId", id, "cubeId", "read-1"))).assertNoErrors();
        quizPassed(Persona.ACME_TRAINEE, "quiz-1", 90);
        objectivesMet(Persona.ACME_TRAINEE, "lab-1");
        drain();
        GraphQlClient.Response response = read(id);
        assertThat(response.<Integer>get("data.enrollment.progress.percent")).isEqualTo(100);
        assertThat(response.<String>get("data.enrollment.progress.status")).isEqualTo("COMPLETED");
        assertThat(response.<String>get("data.enrollment.progress.completedAt")).isNotNull();
        assertThat(produced(CourseCompleted.class)).singleElement().satisfies(event -> {
            CourseCompleted completed = event.payloadAs(CourseCompleted.class);
            assertThat(completed.enrollmentId()).isEqualTo(id);
            assertThat(completed.courseId()).isEqualTo("course-phishing");
            assertThat(completed.courseTitle()).isEqualTo("Spotting phishing");
            assertThat(completed.score()).isEqualTo(90.0);
            assertThat(completed.completedAt()).isEqualTo(Instant.parse(response.get("data.enrollment.progress.completedAt")));
        });
        assertThat(produced(ProgressChanged.class)).hasSize(3)
                .extracting(event -> event.payloadAs(ProgressChanged.class))
                .extracting(changed -> changed.percent() + " " + changed.status())
                .containsExactlyInAnyOrder("33 ON_TRACK", "66 ON_TRACK", "100 COMPLETED");
    }

    @Test
    void a_fact_counts_in_every_course_of_the_trainee_containing_the_cube_and_nowhere_else() {
        coursePublished("course-acme-phishing-refresher", ACME, 1, "Refresher", cube("quiz-1", "QUIZ"));
        drain();
        String global = enroll(Persona.ACME_TRAINEE, "course-phishing");
        String own = enroll(Persona.ACME_TRAINEE, "course-acme-phishing-refresher");
        String colleague = enroll(OTHER_ACME_TRAINEE, "course-phishing");
        quizPassed(Persona.ACME_TRAINEE, "quiz-1", 75);
        drain();
        assertThat(stored(global).cubes()).hasSize(1);
        assertThat(stored(own).completedAt()).isNotNull();
        assertThat(stored(colleague).cubes()).isEmpty();
    }

    @Test
    void facts_for_trainees_without_a_matching_enrollment_are_acknowledged_and_ignored() {
        quizPassed(Persona.ACME_TRAINEE, "quiz-1", 80);
        objectivesMet(Persona.GLOBEX_TRAINEE, "lab-unknown");
        drain();
        assertThat(eventLog.backlog("training.progress-facts")).isZero();
        assertThat(enrollmentCount()).isZero();
    }

    @Test
    void a_fact_of_another_organization_never_touches_an_acme_enrollment() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        append(GLOBEX, new QuizPassed(Persona.ACME_TRAINEE.subject(), "quiz-1", 100, 100, 100));
        drain();
        assertThat(stored(id).cubes()).isEmpty();
    }

    @Test
    void events_produced_while_the_consumer_is_stopped_including_duplicates_are_applied_exactly_once_after_restart() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        events.stop();
        DomainEvent passed = quizPassed(Persona.ACME_TRAINEE, "quiz-1", 60);
        eventLog.append(passed); // the same event appended again (a relay retry): the log ignores it
        DomainEvent met = objectivesMet(Persona.ACME_TRAINEE, "lab-1");
        answerSubmitted(Persona.ACME_TRAINEE, "quiz-1", 1);
        assertThat(stored(id).cubes()).as("nothing applied while stopped").isEmpty();
        events.start();
        drain();
        facts.handle(passed);
        facts.handle(met);
        EnrollmentDocument after = stored(id);
        assertThat(after.cubes()).extracting(c -> c.cubeId() + ":" + c.attempts() + ":" + c.completed())
                .containsExactlyInAnyOrder("quiz-1:1:true", "lab-1:0:true");
        assertThat(produced(CubeCompleted.class)).hasSize(2);
        assertThat(produced(ProgressChanged.class)).hasSize(2);
    }

    @Test
    void study_time_adds_up_within_the_per_call_bounds() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        as(Persona.ACME_TRAINEE, Ops.STUDY_TIME, Map.of("input", Map.of("enrollmentId", id, "seconds", 600))).assertNoErrors();
        GraphQlClient.Response response = as(Persona.ACME_TRAINEE, Ops.STUDY_TIME,
                Map.of("input", Map.of("enrollmentId", id, "seconds", 3600))).assertNoErrors();
        assertThat(response.<Integer>get("data.recordStudyTime.enrollment.progress.timeSpentSeconds")).isEqualTo(4200);
        assertThat(response.<String>get("data.recordStudyTime.enrollment.progress.lastActivityAt")).isEqualTo(clock.instant().toString());
        for (int bad : new int[] {0, -5, 3601}) {
            assertThat(as(Persona.ACME_TRAINEE, Ops.STUDY_TIME, Map.of("input", Map.of("enrollmentId", id, "seconds", bad)))
                    .errorCodes()).containsExactly("BAD_USER_INPUT");
        }
        assertThat(stored(id).timeSpentSeconds()).isEqualTo(4200);
    }

    @Test
    void an_assigned_enrollment_turns_overdue_when_the_clock_passes_its_due_date_and_completed_wins_over_overdue() {
        assign(Persona.ACME_MANAGER, Map.of("courseId", "course-linux", "userIds", List.of(Persona.ACME_TRAINEE.subject()),
                "dueAt", inAWeek())).assertNoErrors();
        assign(Persona.ACME_MANAGER, Map.of("courseId", "course-acme-ir", "userIds", List.of(Persona.ACME_TRAINEE.subject()),
                "dueAt", inAWeek())).assertNoErrors();
        assertThat(as(Persona.ACME_TRAINEE, Ops.MY_ENROLLMENTS, Map.of("status", "OVERDUE")).assertNoErrors()
                .<Integer>get("data.myEnrollments.totalCount")).isZero();
        String ir = EnrollmentDocument.idFor(ACME, Persona.ACME_TRAINEE.subject(), "course-acme-ir");
        as(Persona.ACME_TRAINEE, Ops.COMPLETE_READING, Map.of("input", Map.of("enrollmentId", ir, "cubeId", "ir-read"))).assertNoErrors();
        quizPassed(Persona.ACME_TRAINEE, "ir-quiz", 100);
        drain();

        clock.advance(Duration.ofDays(8));

        GraphQlClient.Response overdue = as(Persona.ACME_TRAINEE, Ops.MY_ENROLLMENTS, Map.of("status", "OVERDUE")).assertNoErrors();
        assertThat(overdue.<List<String>>get("data.myEnrollments.edges[*].node.course.id")).containsExactly("course-linux");
        assertThat(overdue.<List<String>>get("data.myEnrollments.edges[*].node.progress.status")).containsExactly("OVERDUE");
        assertThat(as(Persona.ACME_TRAINEE, Ops.MY_ENROLLMENTS, Map.of("status", "COMPLETED")).assertNoErrors()
                .<List<String>>get("data.myEnrollments.edges[*].node.course.id")).containsExactly("course-acme-ir");
        assertThat(as(Persona.ACME_TRAINEE, Ops.MY_ENROLLMENTS, Map.of("status", "ON_TRACK")).assertNoErrors()
                .<Integer>get("data.myEnrollments.totalCount")).isZero();
    }
}
