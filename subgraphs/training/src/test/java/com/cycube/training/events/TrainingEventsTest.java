package com.cycube.training.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.cycube.support.contracts.training.CubeCompleted;
import com.cycube.support.contracts.training.CubeStarted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.contracts.training.EnrollmentAssigned;
import com.cycube.support.contracts.training.StudyTimeRecorded;
import com.cycube.support.contracts.training.TrainingAssigned;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventPayload;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.testing.ProducedEvents;
import com.cycube.training.Ops;
import com.cycube.training.TrainingIntegrationTest;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.enrollments.EnrollmentStore;
import com.cycube.training.progress.ProgressFactsHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What training tells analytics (docs/events.md), each event stored by the very write that makes the change it
 * reports: {@link Enrolled} by the insert of an enrollment, {@link EnrollmentAssigned} by the write that adds one more
 * assignment to an existing one, {@link TrainingAssigned} by the insert of an assignment, {@link CubeStarted} by the
 * progress write where a cube's first fact appears, {@link StudyTimeRecorded} by the study-time write. Refused changes
 * and repeats emit nothing.
 */
class TrainingEventsTest extends TrainingIntegrationTest {

    static final String TRAINEE = Persona.ACME_TRAINEE.subject();

    @Autowired
    EnrollmentStore enrollments;

    @Autowired
    ProgressFactsHandler facts;

    private <P extends Record & EventPayload> List<P> produced(Class<P> contract, Runnable action) {
        return eventsOf(contract, action).stream().map(event -> event.payloadAs(contract)).toList();
    }

    private List<DomainEvent> eventsOf(Class<? extends EventPayload> contract, Runnable action) {
        return ProducedEvents.during(events, eventLog, contract, action);
    }

    private String assignTo(Map<String, Object> input) {
        return assign(Persona.ACME_MANAGER, input).assertNoErrors().get("data.assignTraining.assignment.id");
    }

    private String inDays(int days) {
        return clock.instant().plus(Duration.ofDays(days)).toString();
    }

    // ------------------------------------------------------------------ Enrolled

    @Test
    void self_enrolling_emits_one_enrolled_from_self_and_enrolling_again_emits_nothing() {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>();
        List<DomainEvent> enrolled = eventsOf(Enrolled.class, () -> ids.add(enroll(Persona.ACME_TRAINEE, "course-phishing")));

        assertThat(enrolled).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(ACME);
            assertThat(event.source()).isEqualTo("training");
            assertThat(event.payloadAs(Enrolled.class))
                    .isEqualTo(new Enrolled(ids.get(0), TRAINEE, "course-phishing", "SELF", null, null, null, now));
        });
        assertThat(produced(Enrolled.class, () -> enroll(Persona.ACME_TRAINEE, "course-phishing"))).isEmpty();
    }

    @Test
    void enrolling_in_a_learning_path_emits_one_enrolled_per_course_with_the_path() {
        List<Enrolled> enrolled = produced(Enrolled.class, () -> as(Persona.ACME_TRAINEE, Ops.ENROLL,
                Map.of("input", Map.of("learningPathId", "path-soc"))).assertNoErrors());

        assertThat(enrolled).extracting(Enrolled::courseId).containsExactlyInAnyOrder("course-phishing", "course-linux");
        assertThat(enrolled).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo("SELF");
            assertThat(event.pathId()).isEqualTo("path-soc");
            assertThat(event.enrollmentId()).isEqualTo(EnrollmentDocument.idFor(ACME, TRAINEE, event.courseId()));
        });
    }

    @Test
    void an_assignment_that_enrolls_people_emits_enrolled_from_the_assignment_with_its_due_date_for_each() {
        String dueAt = inAWeek();
        List<String> assignment = new ArrayList<>();
        List<Enrolled> enrolled = produced(Enrolled.class, () -> assignment.add(assignTo(Map.of("courseId", "course-phishing",
                "userIds", List.of(OTHER_ACME_TRAINEE.subject()), "teamIds", List.of(SOC1), "dueAt", dueAt))));

        assertThat(enrolled).containsExactlyInAnyOrder(
                new Enrolled(EnrollmentDocument.idFor(ACME, OTHER_ACME_TRAINEE.subject(), "course-phishing"),
                        OTHER_ACME_TRAINEE.subject(), "course-phishing", "ASSIGNMENT", assignment.get(0), null,
                        Instant.parse(dueAt), clock.instant()),
                new Enrolled(EnrollmentDocument.idFor(ACME, TRAINEE, "course-phishing"), TRAINEE, "course-phishing",
                        "ASSIGNMENT", assignment.get(0), null, Instant.parse(dueAt), clock.instant()));
    }

    @Test
    void a_member_who_joins_an_assigned_team_later_is_announced_enrolled_once() {
        String assignment = assignTo(Map.of("learningPathId", "path-soc", "teamIds", List.of(SOC1), "dueAt", inAWeek()));

        List<Enrolled> enrolled = produced(Enrolled.class, () -> {
            userChanged(OTHER_ACME_TRAINEE, SOC1);
            userChanged(OTHER_ACME_TRAINEE, SOC1, "team-acme-secops"); // a second snapshot: no second enrollment
            drain();
        });

        assertThat(enrolled).extracting(Enrolled::userId, Enrolled::courseId, Enrolled::source, Enrolled::assignmentId, Enrolled::pathId)
                .containsExactlyInAnyOrder(
                        tuple(OTHER_ACME_TRAINEE.subject(), "course-phishing", "ASSIGNMENT", assignment, "path-soc"),
                        tuple(OTHER_ACME_TRAINEE.subject(), "course-linux", "ASSIGNMENT", assignment, "path-soc"));
    }

    @Test
    void refused_enrollments_and_assignments_emit_nothing_and_write_nothing() {
        List<DomainEvent> announced = new ArrayList<>();
        announced.addAll(eventsOf(TrainingAssigned.class, () -> announced.addAll(eventsOf(Enrolled.class, () -> {
            assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-globex-secrets")))
                    .errorCodes()).containsExactly("NOT_FOUND");
            assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-retired")))
                    .errorCodes()).containsExactly("NOT_FOUND");
            assertThat(as(Persona.ACME_TRAINEE, Ops.ENROLL, Map.of("input", Map.of())).errorCodes()).containsExactly("BAD_USER_INPUT");
            assertThat(assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing", "userIds", List.of(TRAINEE),
                    "dueAt", clock.instant().minusSeconds(60).toString())).errorCodes()).containsExactly("BAD_USER_INPUT");
            assertThat(assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing",
                    "userIds", List.of(Persona.GLOBEX_TRAINEE.subject()), "dueAt", inAWeek())).errorCodes()).containsExactly("NOT_FOUND");
            assertThat(assign(Persona.ACME_TRAINEE, Map.of("courseId", "course-phishing", "userIds", List.of(TRAINEE),
                    "dueAt", inAWeek())).errorCodes()).containsExactly("FORBIDDEN");
        }))));

        assertThat(announced).isEmpty();
        assertThat(enrollmentCount()).isZero();
        assertThat(mongo.getCollection("assignments").countDocuments()).isZero();
    }

    @Test
    void an_assignment_beyond_the_seat_limit_is_refused_without_any_event() {
        organizationChanged(ACME, 1);
        drain();
        List<DomainEvent> announced = new ArrayList<>();
        announced.addAll(eventsOf(TrainingAssigned.class, () -> announced.addAll(eventsOf(Enrolled.class, () ->
                assertThat(assign(Persona.ACME_MANAGER, Map.of("courseId", "course-linux",
                        "userIds", List.of(TRAINEE, OTHER_ACME_TRAINEE.subject()), "dueAt", inAWeek())).errorCodes())
                        .containsExactly("CONFLICT")))));
        assertThat(announced).isEmpty();
    }

    // ------------------------------------------------------------------ TrainingAssigned

    @Test
    void assigning_a_course_emits_one_training_assigned_with_its_people_teams_due_date_and_manager() {
        String dueAt = inAWeek();
        List<String> assignment = new ArrayList<>();
        List<DomainEvent> assigned = eventsOf(TrainingAssigned.class, () -> assignment.add(assignTo(Map.of("courseId", "course-phishing",
                "userIds", List.of(OTHER_ACME_TRAINEE.subject()), "teamIds", List.of(SOC1), "dueAt", dueAt))));

        assertThat(assigned).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(ACME);
            assertThat(event.payloadAs(TrainingAssigned.class)).isEqualTo(new TrainingAssigned(assignment.get(0), "course-phishing",
                    null, List.of(OTHER_ACME_TRAINEE.subject()), List.of(SOC1), Instant.parse(dueAt), Persona.ACME_MANAGER.subject()));
        });
    }

    @Test
    void assigning_a_learning_path_emits_training_assigned_with_the_path_and_no_course() {
        List<TrainingAssigned> assigned = produced(TrainingAssigned.class, () -> assignTo(Map.of("learningPathId", "path-soc",
                "teamIds", List.of(SOC1), "dueAt", inAWeek())));

        assertThat(assigned).singleElement().satisfies(event -> {
            assertThat(event.learningPathId()).isEqualTo("path-soc");
            assertThat(event.courseId()).isNull();
            assertThat(event.userIds()).isEmpty();
            assertThat(event.teamIds()).containsExactly(SOC1);
        });
    }

    // ------------------------------------------------------------------ EnrollmentAssigned

    @Test
    void an_assignment_covering_an_existing_enrollment_emits_enrollment_assigned_with_the_earliest_due_date() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        Map<String, Object> toTrainee = Map.of("courseId", "course-phishing", "userIds", List.of(TRAINEE));
        List<String> assignments = new ArrayList<>();

        List<DomainEvent> enrolled = new ArrayList<>();
        List<EnrollmentAssigned> assigned = produced(EnrollmentAssigned.class, () -> enrolled.addAll(eventsOf(Enrolled.class, () -> {
            assignments.add(assignTo(with(toTrainee, "dueAt", inDays(7))));
            assignments.add(assignTo(with(toTrainee, "dueAt", inDays(30)))); // later: the enrollment keeps 7 days
            assignments.add(assignTo(with(toTrainee, "dueAt", inDays(3))));  // earlier: now 3 days
        })));

        assertThat(enrolled).as("the enrollment existed").isEmpty();
        assertThat(assigned).containsExactly(
                new EnrollmentAssigned(id, TRAINEE, "course-phishing", assignments.get(0), null, Instant.parse(inDays(7))),
                new EnrollmentAssigned(id, TRAINEE, "course-phishing", assignments.get(1), null, Instant.parse(inDays(7))),
                new EnrollmentAssigned(id, TRAINEE, "course-phishing", assignments.get(2), null, Instant.parse(inDays(3))));
        assertThat(stored(id).dueAt()).isEqualTo(Instant.parse(inDays(3)));
    }

    @Test
    void a_team_assignment_covering_an_existing_enrollment_is_announced_once_however_often_the_member_is_seen() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        String dueAt = inAWeek();
        List<String> assignment = new ArrayList<>();

        List<EnrollmentAssigned> assigned = produced(EnrollmentAssigned.class, () -> {
            assignment.add(assignTo(Map.of("learningPathId", "path-soc", "teamIds", List.of(SOC1), "dueAt", dueAt)));
            userChanged(Persona.ACME_TRAINEE, SOC1); // the member's snapshot again: their teams' assignments are applied again
            drain();
        });

        assertThat(assigned).singleElement().isEqualTo(new EnrollmentAssigned(id, TRAINEE, "course-phishing", assignment.get(0),
                "path-soc", Instant.parse(dueAt)));
    }

    @Test
    void concurrent_assignments_of_one_enrollment_each_emit_one_enrollment_assigned_with_the_earliest_due_date_so_far()
            throws Exception {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        Map<String, Instant> dueOf = Map.of("a-1", clock.instant().plus(Duration.ofDays(9)), "a-2", clock.instant().plus(Duration.ofDays(4)),
                "a-3", clock.instant().plus(Duration.ofDays(12)), "a-4", clock.instant().plus(Duration.ofDays(6)));
        List<String> calls = List.of("a-1", "a-2", "a-3", "a-4", "a-1", "a-2", "a-3", "a-4"); // each assignment applied twice
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        List<EnrollmentAssigned> assigned;
        try {
            List<Future<Boolean>> writes = calls.stream().map(assignment -> pool.submit(() -> {
                start.await();
                return enrollments.enroll(ACME, TRAINEE, "course-phishing", assignment, null, dueOf.get(assignment));
            })).toList();
            assigned = produced(EnrollmentAssigned.class, () -> {
                start.countDown();
                for (Future<Boolean> write : writes) {
                    try {
                        assertThat(write.get(10, TimeUnit.SECONDS)).as("no new enrollment").isFalse();
                    } catch (Exception failed) {
                        throw new IllegalStateException(failed);
                    }
                }
            });
        } finally {
            pool.shutdownNow();
        }

        assertThat(assigned).extracting(EnrollmentAssigned::assignmentId).containsExactlyInAnyOrder("a-1", "a-2", "a-3", "a-4");
        assertEachDueDateIsTheEarliestSoFar(assigned, dueOf);
        assertThat(stored(id).dueAt()).isEqualTo(dueOf.get("a-2"));
        assertThat(stored(id).assignmentIds()).containsExactlyInAnyOrder("a-1", "a-2", "a-3", "a-4");
    }

    /**
     * The events' due dates are those of some order of the writes: each the earliest of its own assignment's and of
     * the assignments written before it. (Sorted by due date, latest first, with ties by their own assignment's due
     * date, that order is reconstructed; any stale due date breaks it.)
     */
    private static void assertEachDueDateIsTheEarliestSoFar(List<EnrollmentAssigned> assigned, Map<String, Instant> dueOf) {
        List<EnrollmentAssigned> inWriteOrder = assigned.stream().sorted(Comparator
                .comparing(EnrollmentAssigned::dueAt, Comparator.reverseOrder())
                .thenComparing(event -> dueOf.get(event.assignmentId()))).toList();
        Instant earliest = Instant.MAX;
        for (EnrollmentAssigned event : inWriteOrder) {
            Instant own = dueOf.get(event.assignmentId());
            earliest = own.isBefore(earliest) ? own : earliest;
            assertThat(event.dueAt()).as(event.assignmentId()).isEqualTo(earliest);
        }
    }

    // ------------------------------------------------------------------ StudyTimeRecorded

    @Test
    void each_accepted_study_time_emits_study_time_recorded_and_refused_ones_emit_nothing() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        String othersId = enroll(OTHER_ACME_TRAINEE, "course-phishing");

        List<DomainEvent> recorded = eventsOf(StudyTimeRecorded.class, () -> {
            studyTime(Persona.ACME_TRAINEE, id, 120).assertNoErrors();
            studyTime(Persona.ACME_TRAINEE, id, 120).assertNoErrors();
            assertThat(studyTime(Persona.ACME_TRAINEE, id, 0).errorCodes()).containsExactly("BAD_USER_INPUT");
            assertThat(studyTime(Persona.ACME_TRAINEE, id, 3601).errorCodes()).containsExactly("BAD_USER_INPUT");
            assertThat(studyTime(Persona.ACME_TRAINEE, othersId, 60).errorCodes()).containsExactly("NOT_FOUND");
            assertThat(studyTime(Persona.GLOBEX_TRAINEE, id, 60).errorCodes()).containsExactly("NOT_FOUND");
        });

        assertThat(recorded).hasSize(2).allSatisfy(event -> {
            assertThat(event.orgId()).isEqualTo(ACME);
            assertThat(event.payloadAs(StudyTimeRecorded.class))
                    .isEqualTo(new StudyTimeRecorded(id, TRAINEE, "course-phishing", 120));
        });
        assertThat(stored(id).timeSpentSeconds()).isEqualTo(240);
        assertThat(stored(othersId).timeSpentSeconds()).isZero();
    }

    private GraphQlClient.Response studyTime(Persona persona, String enrollmentId, int seconds) {
        return as(persona, Ops.STUDY_TIME, Map.of("input", Map.of("enrollmentId", enrollmentId, "seconds", seconds)));
    }

    // ------------------------------------------------------------------ CubeStarted

    @Test
    void the_first_fact_about_a_cube_emits_cube_started_once_and_later_facts_about_it_do_not() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");

        List<DomainEvent> started = eventsOf(CubeStarted.class, () -> {
            DomainEvent first = answerSubmitted(Persona.ACME_TRAINEE, "quiz-1", 1);
            answerSubmitted(Persona.ACME_TRAINEE, "quiz-1", 2);
            quizPassed(Persona.ACME_TRAINEE, "quiz-1", 90);
            drain();
            facts.handle(first); // a redelivery
        });

        assertThat(started).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(ACME);
            assertThat(event.payloadAs(CubeStarted.class)).isEqualTo(new CubeStarted(id, TRAINEE, "course-phishing", "quiz-1"));
        });
        assertThat(produced(CubeStarted.class, () -> {
            answerSubmitted(Persona.ACME_TRAINEE, "ir-quiz", 1); // a cube of a course they are not enrolled in
            drain();
        })).isEmpty();
    }

    @Test
    void a_cube_started_and_completed_by_one_fact_announces_its_start_first_in_the_same_write() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        List<DomainEvent> started = new ArrayList<>();
        List<DomainEvent> completed = eventsOf(CubeCompleted.class, () -> started.addAll(eventsOf(CubeStarted.class, () ->
                as(Persona.ACME_TRAINEE, Ops.COMPLETE_READING, Map.of("input", Map.of("enrollmentId", id, "cubeId", "read-1")))
                        .assertNoErrors())));

        assertThat(started).singleElement().satisfies(event -> assertThat(event.payloadAs(CubeStarted.class).cubeId()).isEqualTo("read-1"));
        assertThat(completed).singleElement().satisfies(event -> {
            assertThat(event.occurredAt()).isEqualTo(started.get(0).occurredAt());
            assertThat(event.eventId()).as("the log orders by time, then id").isGreaterThan(started.get(0).eventId());
        });
    }

    @Test
    void a_lab_launch_starts_its_lab_cube_and_the_lab_running_later_does_not_start_it_again() {
        String id = enroll(Persona.ACME_TRAINEE, "course-phishing");
        List<CubeStarted> started = produced(CubeStarted.class, () -> {
            labStateChanged(Persona.ACME_TRAINEE, "lab-1", "REQUESTED", null);
            labStateChanged(Persona.ACME_TRAINEE, "lab-1", "RUNNING", "PROVISIONING");
            drain();
        });
        assertThat(started).containsExactly(new CubeStarted(id, TRAINEE, "course-phishing", "lab-1"));
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(input);
        copy.put(key, value);
        return copy;
    }
}
