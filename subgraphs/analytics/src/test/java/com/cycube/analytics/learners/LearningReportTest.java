package com.cycube.analytics.learners;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.analytics.LearningFacts;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.events.EventPayload;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User.learningReport: a learner's courses, scores, time and certificates; for themselves, their managers and root. */
class LearningReportTest extends LearningFacts {

    static final String REPORT = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id learningReport {
              userId displayName enrollments completions averageScore studyHours labHours lastActivityAt
              courses { courseId title status percent completedCubes score assigned dueAt studyMinutes }
              certificates { certificateId courseId courseTitle issuedAt }
            } } } }""";

    @BeforeEach
    void adamLearns() {
        selfEnrolled(Persona.ACME_TRAINEE, "course-phishing");
        cubeCompleted(Persona.ACME_TRAINEE, "course-phishing", "read-1");
        studied(Persona.ACME_TRAINEE, "course-phishing", 1200);
        courseCompleted(Persona.ACME_TRAINEE, "course-phishing", 75.0);
        certificate(Persona.ACME_TRAINEE, "cert-7", "course-phishing");
        assigned(OTHER_ACME_TRAINEE, "course-phishing", "assignment-1", clock.instant().plus(Duration.ofDays(1)));
        drain();
    }

    private GraphQlClient.Response report(Persona persona, Persona learner) {
        return as(persona, REPORT, Map.of("reps", List.of(Map.of("__typename", "User", "id", learner.subject()))));
    }

    @Test
    void a_learner_reads_their_courses_scores_time_and_certificates() {
        GraphQlClient.Response response = report(Persona.ACME_TRAINEE, Persona.ACME_TRAINEE).assertNoErrors();

        assertThat(response.<String>get("data._entities[0].learningReport.displayName")).isEqualTo("Adam Trainee");
        assertThat(response.<Integer>get("data._entities[0].learningReport.completions")).isEqualTo(1);
        assertThat(response.<Double>get("data._entities[0].learningReport.averageScore")).isEqualTo(75.0);
        assertThat(response.<String>get("data._entities[0].learningReport.lastActivityAt")).isNotNull();
        Map<String, Object> course = response.get("data._entities[0].learningReport.courses[0]");
        assertThat(course).containsEntry("courseId", "course-phishing").containsEntry("title", "Spotting phishing")
                .containsEntry("status", "COMPLETED").containsEntry("percent", 100).containsEntry("studyMinutes", 20)
                .containsEntry("assigned", false);
        assertThat(response.<String>get("data._entities[0].learningReport.certificates[0].certificateId")).isEqualTo("cert-7");
    }

    @Test
    void an_assigned_course_past_its_due_date_is_overdue_until_completed() {
        clock.advance(Duration.ofDays(2));

        GraphQlClient.Response response = report(Persona.ACME_MANAGER, OTHER_ACME_TRAINEE).assertNoErrors();

        Map<String, Object> course = response.get("data._entities[0].learningReport.courses[0]");
        assertThat(course).containsEntry("status", "OVERDUE").containsEntry("assigned", true);
        assertThat(response.<Object>get("data._entities[0].learningReport.lastActivityAt")).isNull();
    }

    @Test
    void another_learner_or_another_organization_sees_no_report() {
        GraphQlClient.Response colleague = report(OTHER_ACME_TRAINEE, Persona.ACME_TRAINEE);
        assertThat(colleague.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(colleague.<Object>get("data._entities[0].learningReport")).isNull();
        assertThat(report(Persona.GLOBEX_MANAGER, Persona.ACME_TRAINEE).errorCodes()).containsExactly("NOT_FOUND");
        report(ACME_ANALYTICS, Persona.ACME_TRAINEE).assertNoErrors();
        report(Persona.ROOT, Persona.ACME_TRAINEE).assertNoErrors();
    }

    @Test
    void a_manager_reading_a_learners_report_is_recorded_in_the_audit_trail_and_a_learner_reading_their_own_is_not() {
        report(Persona.ACME_MANAGER, Persona.ACME_TRAINEE).assertNoErrors();
        report(Persona.ACME_TRAINEE, Persona.ACME_TRAINEE).assertNoErrors();
        drain(); // the audit outbox is relayed to the event log

        List<AuditRecorded> reads = eventLog.ofType(EventPayload.typeOf(AuditRecorded.class)).stream()
                .map(event -> event.payloadAs(AuditRecorded.class))
                .filter(record -> "read.learningReport".equals(record.action())).toList();
        assertThat(reads).singleElement().satisfies(read -> {
            assertThat(read.actor()).isEqualTo(Persona.ACME_MANAGER.subject());
            assertThat(read.resourceType()).isEqualTo("User");
            assertThat(read.resourceId()).isEqualTo(Persona.ACME_TRAINEE.subject());
            assertThat(read.organizationId()).isEqualTo(Persona.ACME);
        });
    }
}
