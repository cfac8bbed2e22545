package com.cycube.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.contracts.audit.SecurityAlertRaised;
import com.cycube.support.contracts.assessment.CertificateIssued;
import com.cycube.support.contracts.assessment.QuizFailed;
import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.contracts.identity.ContactDetailsChanged;
import com.cycube.support.contracts.identity.TeamChanged;
import com.cycube.support.contracts.training.CubeStarted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.contracts.training.EnrollmentAssigned;
import com.cycube.support.contracts.training.StudyTimeRecorded;
import com.cycube.support.contracts.training.TrainingAssigned;
import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.support.contracts.catalog.LearningPathPublished;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.contracts.labs.LabExpiring;
import com.cycube.support.contracts.labs.LabObjectivesMet;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.contracts.training.CubeCompleted;
import com.cycube.support.contracts.training.ProgressChanged;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.training.CourseCompleted;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class DomainEventContractTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void an_event_takes_its_type_from_its_payload_contract() {
        DomainEvent event = DomainEvent.of("org-acme", NOW, new CourseArchived("course-1"));

        assertThat(event.type()).isEqualTo("catalog.CourseArchived");
        assertThat(event.is(CourseArchived.class)).isTrue();
        assertThat(event.is(CoursePublished.class)).isFalse();
        assertThat(event.orgId()).isEqualTo("org-acme");
    }

    @Test
    void a_payload_is_stored_as_plain_fields_and_read_back_as_its_record() {
        CoursePublished published = new CoursePublished("course-1", 3, "Linux", "GLOBAL", null, List.of(
                new CoursePublished.Cube("cube-1", "module-1", "READING", null, 10, 1),
                new CoursePublished.Cube("cube-2", "module-1", "LAB", "template-1", 30, 2)));

        DomainEvent event = DomainEvent.of(null, NOW, published);

        assertThat(event.payload().getString("title")).isEqualTo("Linux");
        assertThat(event.payload().getList("cubes", Document.class)).element(1)
                .satisfies(cube -> assertThat(cube.getString("labTemplateId")).isEqualTo("template-1"));
        assertThat(event.payloadAs(CoursePublished.class)).isEqualTo(published);
    }

    @Test
    void instants_are_stored_as_dates_and_numbers_of_any_width_are_read() {
        DomainEvent stored = DomainEvent.fromDocument(new Document("_id", "e1").append("type", "training.CourseCompleted")
                .append("occurredAt", Date.from(NOW))
                .append("payload", new Document("enrollmentId", "en-1").append("userId", "u1").append("courseId", "c1")
                        .append("courseTitle", "Linux").append("score", 90).append("completedAt", Date.from(NOW))));

        CourseCompleted completed = stored.payloadAs(CourseCompleted.class);

        assertThat(completed.score()).isEqualTo(90.0);
        assertThat(completed.completedAt()).isEqualTo(NOW);
    }

    @Test
    void every_contract_reads_back_exactly_what_was_written() {
        List<EventPayload> samples = List.of(
                new OrganizationChanged("org-acme", "Acme", 50, 5, true, 3L),
                new UserChanged("u1", "Adam", "TRAINEE", List.of("team-1", "team-2"), true, 7L, "ACTIVE"),
                new CoursePublished("c1", 2, "Linux", "ORGANIZATION", "org-acme",
                        List.of(new CoursePublished.Cube("cube-1", "m1", "LAB", "t1", 30, 1)),
                        List.of(new CoursePublished.Skill("s1", "MITRE_ATTACK", "T1059", "Command and Scripting Interpreter"))),
                new CourseArchived("c1"),
                new LearningPathPublished("p1", 4L, "SOC", "GLOBAL", null, List.of("c1", "c2")),
                new AnswerSubmitted("u1", "cube-1", "q1", true, 10, 2, 1, "manager-1"),
                new QuizFailed("u1", "cube-2", 40, 4, 10),
                new CertificateIssued("cert-1", "u1", "c1", "Linux", NOW),
                new TeamChanged("team-1", "Blue team", "team-0", false, 2L),
                new ContactDetailsChanged("u1", "ada@example.test", "de-CH", 3L),
                new Enrolled("e1", "u1", "c1", "ASSIGNMENT", "a1", "p1", NOW.plusSeconds(86400), NOW),
                new EnrollmentAssigned("e1", "u1", "c1", "a2", null, NOW.plusSeconds(3600)),
                new TrainingAssigned("a1", null, "p1", List.of("u1"), List.of("team-1"), NOW.plusSeconds(86400), "m1"),
                new CubeStarted("e1", "u1", "c1", "cube-1"),
                new StudyTimeRecorded("e1", "u1", "c1", 600),
                new QuizPassed("u1", "cube-1", 90, 9, 10),
                new CubeCompleted("e1", "u1", "c1", "cube-1", "QUIZ"),
                new ProgressChanged("e1", "u1", "c1", 50, 2, 4, null, "ON_TRACK"),
                new CourseCompleted("e1", "u1", "c1", "Linux", 88.5, NOW),
                new LabStateChanged("lab-1", "u1", "cube-1", "t1", "RUNNING", "PROVISIONING"),
                new LabObjectivesMet("lab-1", "u1", "cube-1"),
                new LabExpiring("lab-1", "u1", "cube-1", NOW.plusSeconds(600)),
                new AuditRecorded(NOW, "identity", "u1", "PERSON", null, "org-acme", "mutation.changeMemberRole", "User",
                        "u2", "userId=u2", "SUCCESS", null, "r1", null, "10.0.0.1",
                        List.of(new AuditRecorded.Change("role", "MANAGER")), null, null),
                new SecurityAlertRaised("alert-1", "ROLE_GRANTED_MANAGER", "org-acme", "u2", 1, NOW, NOW,
                        "u2 was made MANAGER", "record-1"));

        assertThat(samples.stream().map(sample -> EventPayload.typeOf(sample.getClass())).distinct())
                .as("one sample per contract").hasSize(24);
        for (EventPayload sample : samples) {
            assertThat(roundTrip(sample)).as(EventPayload.typeOf(sample.getClass())).isEqualTo(sample);
        }
    }

    /** Written as a producer writes it, stored and read back as the log hands it to a consumer. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object roundTrip(EventPayload sample) {
        DomainEvent written = DomainEvent.of("org-acme", NOW, (Record & EventPayload) sample);
        return DomainEvent.fromDocument(written.toDocument()).payloadAs((Class) sample.getClass());
    }

    @Test
    void a_snapshot_from_before_versions_existed_reads_as_version_zero() {
        DomainEvent legacy = DomainEvent.untyped("identity.UserChanged", "org-acme", NOW,
                Map.of("userId", "u1", "role", "TRAINEE", "active", true));

        UserChanged user = legacy.payloadAs(UserChanged.class);

        assertThat(user.version()).isNull();
        assertThat(user.versionOrZero()).isZero();
        assertThat(user.teamIds()).isEmpty();
    }

    @Test
    void a_fraction_or_an_overflow_is_refused_instead_of_rounded_or_wrapped() {
        DomainEvent fraction = DomainEvent.untyped("assessment.QuizPassed", "org-acme", NOW,
                Map.of("userId", "u1", "cubeId", "c", "score", 90.5, "points", 9, "maxPoints", 10));
        DomainEvent overflow = DomainEvent.untyped("assessment.QuizPassed", "org-acme", NOW,
                Map.of("userId", "u1", "cubeId", "c", "score", 90, "points", 1L << 40, "maxPoints", 10));

        assertThatThrownBy(() -> fraction.payloadAs(QuizPassed.class)).hasMessageContaining("score");
        assertThatThrownBy(() -> overflow.payloadAs(QuizPassed.class)).hasMessageContaining("points");
    }

    @Test
    void an_event_without_the_ids_its_consumers_need_cannot_even_be_made() {
        assertThatThrownBy(() -> new QuizPassed(null, "cube-1", 90, 9, 10)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("userId");
    }

    @Test
    void reading_an_event_as_another_contract_is_refused() {
        DomainEvent event = DomainEvent.of("org-acme", NOW, new CourseArchived("course-1"));

        assertThatThrownBy(() -> event.payloadAs(CoursePublished.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalog.CourseArchived");
    }

    @Test
    void a_payload_missing_what_the_contract_requires_is_refused_instead_of_applied_half_read() {
        DomainEvent malformed = DomainEvent.untyped("catalog.CoursePublished", null, NOW, Map.of("courseId", "c1"));

        assertThatThrownBy(() -> malformed.payloadAs(CoursePublished.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }

    @Test
    void ids_of_events_made_in_one_millisecond_increase_in_creation_order() {
        DomainEvent first = DomainEvent.of("org-acme", NOW, new CourseArchived("c1"));
        DomainEvent second = DomainEvent.of("org-acme", NOW, new CourseArchived("c2"));

        assertThat(second.eventId()).isGreaterThan(first.eventId());
    }
}
