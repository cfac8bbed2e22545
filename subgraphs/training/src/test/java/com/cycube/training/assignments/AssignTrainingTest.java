package com.cycube.training.assignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

import com.cycube.support.auth.Caller;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.persistence.OptimisticRetry;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.training.Ops;
import com.cycube.training.TrainingIntegrationTest;
import com.cycube.training.enrollments.EnrollmentDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * assignTraining: users and teams of the manager's organization, a due date, each user enrolled once per course,
 * later team members included, and the seat limit.
 */
class AssignTrainingTest extends TrainingIntegrationTest {

    static final Persona NEWCOMER = Persona.person("00000000-0000-4000-8000-000000000014", "new@acme.test", "Nina New", "TRAINEE", ACME);

    private long assignmentCount() {
        return mongo.getCollection(AssignmentDocument.COLLECTION).countDocuments();
    }

    @Test
    void a_manager_assigns_a_course_to_a_user_with_a_due_date() {
        GraphQlClient.Response response = assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing",
                "userIds", List.of(Persona.ACME_TRAINEE.subject()), "dueAt", inAWeek())).assertNoErrors();
        assertThat(response.<Integer>get("data.assignTraining.newEnrollments")).isEqualTo(1);
        assertThat(response.<String>get("data.assignTraining.assignment.course.id")).isEqualTo("course-phishing");
        assertThat(response.<String>get("data.assignTraining.assignment.assignedBy.id")).isEqualTo(Persona.ACME_MANAGER.subject());
        GraphQlClient.Response mine = as(Persona.ACME_TRAINEE, Ops.MY_ENROLLMENTS, Map.of()).assertNoErrors();
        assertThat(mine.<Integer>get("data.myEnrollments.totalCount")).isEqualTo(1);
        String id = EnrollmentDocument.idFor(ACME, Persona.ACME_TRAINEE.subject(), "course-phishing");
        GraphQlClient.Response enrollment = as(Persona.ACME_TRAINEE, Ops.ENROLLMENT, Map.of("id", id)).assertNoErrors();
        assertThat(enrollment.<String>get("data.enrollment.source")).isEqualTo("ASSIGNED");
        assertThat(enrollment.<String>get("data.enrollment.dueAt")).isEqualTo(inAWeek());
    }

    @Test
    void assigning_a_course_the_trainee_already_took_reuses_the_enrollment_and_keeps_the_earlier_due_date() {
        String self = enroll(Persona.ACME_TRAINEE, "course-phishing");
        String late = clock.instant().plusSeconds(30 * 24 * 3600).toString();
        assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing", "userIds", List.of(Persona.ACME_TRAINEE.subject()),
                "dueAt", inAWeek())).assertNoErrors();
        GraphQlClient.Response second = assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing",
                "userIds", List.of(Persona.ACME_TRAINEE.subject()), "dueAt", late)).assertNoErrors();
        assertThat(second.<Integer>get("data.assignTraining.newEnrollments")).isZero();
        assertThat(enrollmentCount()).isEqualTo(1);
        EnrollmentDocument stored = stored(self);
        assertThat(stored.assignmentIds()).hasSize(2);
        assertThat(stored.dueAt()).isEqualTo(Instant.parse(inAWeek()));
    }

    @Test
    void a_team_assignment_enrolls_the_members_and_a_member_who_joins_later_exactly_once() {
        GraphQlClient.Response response = assign(Persona.ACME_MANAGER, Map.of("learningPathId", "path-soc",
                "teamIds", List.of(SOC1), "dueAt", inAWeek())).assertNoErrors();
        assertThat(response.<Integer>get("data.assignTraining.newEnrollments")).isEqualTo(2);
        assertThat(response.<String>get("data.assignTraining.assignment.learningPath.id")).isEqualTo("path-soc");

        userChanged(NEWCOMER); // signs in, no team yet
        drain();
        assertThat(mongo.count(Query.query(
                Criteria.where("userId").is(NEWCOMER.subject())), EnrollmentDocument.class)).isZero();

        var joined = userChanged(NEWCOMER, SOC1);
        userChanged(NEWCOMER, SOC1, "team-acme-secops"); // joins a second team: same assignment, no second enrollment
        drain();
        append(joined.orgId(), joined.payloadAs(UserChanged.class)); // an old snapshot arriving again, with a new id
        drain();
        List<EnrollmentDocument> theirs = mongo.find(Query.query(
                Criteria.where("userId").is(NEWCOMER.subject())), EnrollmentDocument.class);
        assertThat(theirs).extracting(EnrollmentDocument::courseId).containsExactlyInAnyOrder("course-phishing", "course-linux");
        assertThat(theirs).allSatisfy(e -> assertThat(e.dueAt()).isEqualTo(Instant.parse(inAWeekFrom(response))));
    }

    private static String inAWeekFrom(GraphQlClient.Response response) {
        return response.get("data.assignTraining.assignment.dueAt");
    }

    /**
     * A member joins the team while {@code assignTraining} runs. Their complete {@code UserChanged} (stored, then
     * assignments looked up) is delivered right after the service's first or second read of the team's members —
     * before and after the assignment is inserted. Either the service's read after its insert sees the member, or the
     * member's handler sees the assignment: enrolled exactly once either way.
     */
    @ParameterizedTest(name = "joins right after read {0} of the team")
    @ValueSource(ints = {1, 2})
    void a_member_joining_the_team_while_it_is_being_assigned_is_enrolled_exactly_once(int joinAfterRead) {
        AtomicInteger reads = new AtomicInteger();
        doAnswer(invocation -> {
            Object members = invocation.callRealMethod();
            if (reads.incrementAndGet() == joinAfterRead) {
                userChanged(NEWCOMER, SOC1);
                drain();
            }
            return members;
        }).when(peopleStore).activeMembers(any(Caller.class), anyCollection());

        assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing", "teamIds", List.of(SOC1), "dueAt", inAWeek()))
                .assertNoErrors();
        drain();

        assertThat(reads).hasValueGreaterThanOrEqualTo(joinAfterRead);
        assertThat(mongo.count(Query.query(Criteria.where("userId").is(NEWCOMER.subject())), EnrollmentDocument.class)).isOne();
        assertThat(seats.holders(ACME)).contains(NEWCOMER.subject());
        assertThat(eventLog.backlog("training.identity")).isZero();
    }

    @Test
    void a_new_team_member_whose_seat_claim_loses_every_race_is_enrolled_when_the_event_is_delivered_again() {
        assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing", "teamIds", List.of(SOC1), "dueAt", inAWeek())).assertNoErrors();
        AtomicInteger races = new AtomicInteger();
        doAnswer(invocation -> races.incrementAndGet() <= OptimisticRetry.ATTEMPTS ? false : invocation.callRealMethod())
                .when(seatStore).addHolders(eq(ACME), anyLong(), anyCollection()); // somebody else changes the ledger first

        userChanged(NEWCOMER, SOC1);
        drain();
        assertThat(races).as("every attempt of the first delivery lost").hasValue(OptimisticRetry.ATTEMPTS);
        Query theirs = Query.query(Criteria.where("userId").is(NEWCOMER.subject()));
        assertThat(mongo.count(theirs, EnrollmentDocument.class)).isZero();
        assertThat(eventLog.backlog("training.identity")).as("not acknowledged: it comes back").isOne();

        clock.advance(Duration.ofSeconds(2)); // past the first retry's backoff
        drain();
        assertThat(mongo.count(theirs, EnrollmentDocument.class)).isOne();
        assertThat(eventLog.backlog("training.identity")).isZero();
    }

    @Test
    void a_globex_member_of_a_team_with_the_same_name_is_never_enrolled_by_an_acme_assignment() {
        assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing", "teamIds", List.of(SOC1), "dueAt", inAWeek())).assertNoErrors();
        userChanged(Persona.GLOBEX_TRAINEE, RED, SOC1);
        drain();
        assertThat(mongo.count(Query.query(
                Criteria.where("organizationId").is(GLOBEX)), EnrollmentDocument.class)).isZero();
    }

    @Test
    void assigning_beyond_the_seat_limit_is_a_conflict_and_writes_nothing() {
        organizationChanged(ACME, 2);
        drain();
        enroll(Persona.ACME_TRAINEE, "course-phishing");
        long seatsBefore = mongo.getCollection("seats").countDocuments();
        GraphQlClient.Response refused = assign(Persona.ACME_MANAGER, Map.of("courseId", "course-linux",
                "userIds", List.of(Persona.ACME_TRAINEE.subject(), OTHER_ACME_TRAINEE.subject(), Persona.ACME_MANAGER.subject()),
                "dueAt", inAWeek()));
        assertThat(refused.errorCodes()).containsExactly("CONFLICT");
        assertThat(refused.body()).contains("seats");
        assertThat(enrollmentCount()).isEqualTo(1);
        assertThat(assignmentCount()).isZero();
        assertThat(mongo.getCollection("seats").find().first().getList("holders", String.class))
                .containsExactly(Persona.ACME_TRAINEE.subject());
        assertThat(mongo.getCollection("seats").countDocuments()).isEqualTo(seatsBefore);

        // within the limit (the trainee already holds a seat): accepted
        assign(Persona.ACME_MANAGER, Map.of("courseId", "course-linux",
                "userIds", List.of(Persona.ACME_TRAINEE.subject(), OTHER_ACME_TRAINEE.subject()), "dueAt", inAWeek())).assertNoErrors();
        assertThat(enrollmentCount()).isEqualTo(3);
        // the third person cannot even self-enroll now
        assertThat(as(Persona.ACME_MANAGER, Ops.ENROLL, Map.of("input", Map.of("courseId", "course-phishing"))).errorCodes())
                .containsExactly("CONFLICT");
    }

    @Test
    void a_new_team_member_without_a_free_seat_is_not_enrolled_and_the_event_is_not_retried_forever() {
        organizationChanged(ACME, 1);
        drain();
        assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing", "teamIds", List.of(SOC1), "dueAt", inAWeek())).assertNoErrors();
        userChanged(NEWCOMER, SOC1);
        drain();
        assertThat(enrollmentCount()).isEqualTo(1);
        assertThat(eventLog.backlog("training.identity")).isZero();
    }

    @Test
    void an_older_organization_snapshot_arriving_late_does_not_undo_a_newer_seat_limit() {
        var older = organizationChanged(ACME, 1);
        organizationChanged(ACME, 10);
        drain();
        eventLog.append(DomainEvent.of(older.orgId(), older.occurredAt(), older.payloadAs(OrganizationChanged.class)));
        drain();
        assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing",
                "userIds", List.of(Persona.ACME_TRAINEE.subject(), OTHER_ACME_TRAINEE.subject()), "dueAt", inAWeek())).assertNoErrors();
    }

    @Test
    void unknown_users_teams_and_courses_and_other_organizations_ones_are_not_found_with_nothing_written() {
        List<Map<String, Object>> inputs = List.of(
                Map.of("courseId", "course-phishing", "userIds", List.of(Persona.GLOBEX_TRAINEE.subject()), "dueAt", inAWeek()),
                Map.of("courseId", "course-phishing", "userIds", List.of("user-nobody"), "dueAt", inAWeek()),
                Map.of("courseId", "course-phishing", "teamIds", List.of(RED), "dueAt", inAWeek()),
                Map.of("courseId", "course-globex-secrets", "userIds", List.of(Persona.ACME_TRAINEE.subject()), "dueAt", inAWeek()),
                Map.of("courseId", "course-retired", "userIds", List.of(Persona.ACME_TRAINEE.subject()), "dueAt", inAWeek()));
        for (Map<String, Object> input : inputs) {
            assertThat(assign(Persona.ACME_MANAGER, input).errorCodes()).as(input.toString()).containsExactly("NOT_FOUND");
        }
        assertThat(enrollmentCount()).isZero();
        assertThat(assignmentCount()).isZero();
    }

    @Test
    void bad_input_is_refused_with_nothing_written() {
        String past = clock.instant().minusSeconds(60).toString();
        List<Map<String, Object>> inputs = List.of(
                Map.of("courseId", "course-phishing", "dueAt", inAWeek()),
                Map.of("courseId", "course-phishing", "learningPathId", "path-soc", "userIds", List.of(Persona.ACME_TRAINEE.subject()), "dueAt", inAWeek()),
                Map.of("userIds", List.of(Persona.ACME_TRAINEE.subject()), "dueAt", inAWeek()),
                Map.of("courseId", "course-phishing", "userIds", List.of(Persona.ACME_TRAINEE.subject()), "dueAt", past));
        for (Map<String, Object> input : inputs) {
            assertThat(assign(Persona.ACME_MANAGER, input).errorCodes()).as(input.toString()).containsExactly("BAD_USER_INPUT");
        }
        assertThat(enrollmentCount()).isZero();
        assertThat(assignmentCount()).isZero();
        assertThat(mongo.getCollection("seats").countDocuments(new Document())).isZero();
    }

    @Test
    void managers_list_their_organizations_assignments_only() {
        String acme = assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing", "teamIds", List.of(SOC1), "dueAt", inAWeek()))
                .assertNoErrors().get("data.assignTraining.assignment.id");
        assign(Persona.GLOBEX_MANAGER, Map.of("courseId", "course-phishing", "teamIds", List.of(RED), "dueAt", inAWeek())).assertNoErrors();
        GraphQlClient.Response list = as(Persona.ACME_MANAGER, Ops.ASSIGNMENTS).assertNoErrors();
        assertThat(list.<List<String>>get("data.assignments.edges[*].node.id")).containsExactly(acme);
        assertThat(list.<List<String>>get("data.assignments.edges[*].node.teams[*].id")).containsExactly(SOC1);
        assertThat(as(Persona.ACME_HR_INTEGRATION, Ops.ASSIGNMENTS).assertNoErrors().<Integer>get("data.assignments.totalCount")).isEqualTo(1);
        assertThat(as(Persona.ROOT, Ops.ASSIGNMENTS).assertNoErrors().<Integer>get("data.assignments.totalCount")).isEqualTo(2);
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.ASSIGNMENT, Map.of("id", acme)).assertNoErrors().<Object>get("data.assignment")).isNull();
        assertThat(as(Persona.ACME_MANAGER, Ops.ASSIGNMENT, Map.of("id", acme)).assertNoErrors().<String>get("data.assignment.course.id"))
                .isEqualTo("course-phishing");
    }
}
