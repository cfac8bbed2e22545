package com.cycube.assessment.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.assessment.AssessmentIntegrationTest;
import com.cycube.assessment.Ops;
import com.cycube.support.contracts.assessment.CertificateIssued;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Certificates: issued once per completed enrollment, verifiable by anyone, forgeries detected. */
class CertificatesTest extends AssessmentIntegrationTest {

    private static final Instant COMPLETED = Instant.parse("2026-03-02T15:04:05.678Z");

    @Autowired
    private CourseCompletedHandler handler;

    private DomainEvent courseCompleted(String enrollmentId, Persona trainee, int score) {
        return DomainEvent.of(trainee.organizationId(), COMPLETED, new CourseCompleted(enrollmentId, trainee.subject(),
                "course-global", "Global Security Basics", (double) score, COMPLETED));
    }

    /** identity's snapshot of {@code user}, with its per-user {@code version}. */
    private static DomainEvent userChangedEvent(Persona user, String displayName, Instant at, long version) {
        return DomainEvent.of(user.organizationId(), at, new UserChanged(user.subject(), displayName, user.role(),
                List.of(), true, version));
    }

    private void userChanged(Persona user, String displayName, Instant at, long version) {
        publish(userChangedEvent(user, displayName, at, version));
    }

    /** A snapshot as identity wrote them before snapshots had versions. */
    private void unversionedUserChanged(Persona user, String displayName, Instant at) {
        DomainEvent legacy = userChangedEvent(user, displayName, at, 1L);
        legacy.payload().remove("version");
        publish(legacy);
    }

    private String holderName(Persona holder) {
        return as(holder, Ops.CERTIFICATES).assertNoErrors().get("data.certificates.edges[0].node.holderName");
    }

    private String codeOf(Persona holder) {
        return as(holder, Ops.CERTIFICATES).assertNoErrors().get("data.certificates.edges[0].node.verificationCode");
    }

    @Test
    void completing_a_course_at_the_passing_score_issues_a_certificate() {
        userChanged(Persona.ACME_TRAINEE, "Adam Trainee", COMPLETED, 1L);
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 70));
        GraphQlClient.Response mine = as(Persona.ACME_TRAINEE, Ops.CERTIFICATES).assertNoErrors();
        assertThat((Integer) mine.get("data.certificates.totalCount")).isOne();
        assertThat((String) mine.get("data.certificates.edges[0].node.id")).isEqualTo(CourseCompletedHandler.certificateIdFor("enrollment-1"));
        assertThat((String) mine.get("data.certificates.edges[0].node.holderName")).isEqualTo("Adam Trainee");
        assertThat((String) mine.get("data.certificates.edges[0].node.courseTitle")).isEqualTo("Global Security Basics");
        assertThat((String) mine.get("data.certificates.edges[0].node.issuedAt")).isEqualTo("2026-03-02T15:04:05.678Z");
        assertThat((Integer) mine.get("data.certificates.edges[0].node.score")).isEqualTo(70);
    }

    @Test
    void completing_below_the_passing_score_issues_nothing() {
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 69));
        assertThat((Integer) as(Persona.ACME_TRAINEE, Ops.CERTIFICATES).get("data.certificates.totalCount")).isZero();
        assertThat(mongo.count(new Query(), "certificates")).isZero();
    }

    @Test
    void a_completion_that_names_no_organization_issues_nothing_and_waits_to_be_looked_at() {
        DomainEvent orphan = DomainEvent.of(null, COMPLETED, new CourseCompleted("enrollment-1",
                Persona.ACME_TRAINEE.subject(), "course-global", "Global Security Basics", 95.0, COMPLETED));
        publish(orphan);
        assertThat(mongo.count(new Query(), "certificates")).isZero();
        assertThat(eventLog.backlog("assessment.certificates")).as("refused: retried, then parked").isOne();
    }

    @Test
    void the_same_completion_delivered_twice_or_reported_twice_issues_one_certificate() {
        DomainEvent event = courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 90);
        handler.handle(event);
        handler.handle(event);
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 95));
        assertThat(mongo.count(new Query(), "certificates")).isOne();
        assertThat(mongo.findOne(new Query(), Document.class, "certificates").getInteger("score")).as("the first stays").isEqualTo(90);
    }

    @Test
    void issuing_a_certificate_announces_it_once_however_often_the_completion_arrives() {
        DomainEvent event = courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 90);
        publish(event);
        handler.handle(event); // a redelivery
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 95)); // reported again, new event id

        assertThat(produced(CertificateIssued.class)).singleElement().satisfies(issued -> {
            assertThat(issued.orgId()).isEqualTo(Persona.ACME);
            assertThat(issued.source()).isEqualTo("assessment");
            assertThat(issued.payloadAs(CertificateIssued.class)).isEqualTo(new CertificateIssued(
                    CourseCompletedHandler.certificateIdFor("enrollment-1"), Persona.ACME_TRAINEE.subject(), "course-global",
                    "Global Security Basics", COMPLETED));
        });
        assertThat(mongo.findOne(new Query(), Document.class, "certificates").getList("_outbox", Object.class, List.of()))
                .as("relayed").isEmpty();
    }

    @Test
    void a_completion_that_earns_no_certificate_announces_none() {
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 69));
        publish(DomainEvent.of(Persona.ACME, COMPLETED, new CourseCompleted("enrollment-2", Persona.ACME_TRAINEE.subject(),
                "course-global", "Global Security Basics", null, COMPLETED)));

        assertThat(produced(CertificateIssued.class)).isEmpty();
        assertThat(mongo.count(new Query(), "certificates")).isZero();
    }

    @Test
    void consumer_stopped_then_restarted_applies_each_completion_exactly_once() {
        events.stop();
        DomainEvent first = courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 80);
        DomainEvent second = courseCompleted("enrollment-2", Persona.GLOBEX_TRAINEE, 100);
        eventLog.append(first);
        eventLog.append(first); // the same event twice: the log keeps one
        eventLog.append(second);
        eventLog.append(courseCompleted("enrollment-2", Persona.GLOBEX_TRAINEE, 100)); // reported again, new event id
        assertThat(mongo.count(new Query(), "certificates")).as("nothing while stopped").isZero();
        assertThat(eventLog.backlog("assessment.certificates")).isEqualTo(3);
        events.start();
        events.drain();
        handler.handle(first); // a redelivery after a crash between effect and acknowledgement
        assertThat(mongo.count(new Query(), "certificates")).isEqualTo(2);
        assertThat(eventLog.backlog("assessment.certificates")).isZero();
        assertThat(mongo.findById(CourseCompletedHandler.certificateIdFor("enrollment-2"), Document.class, "certificates")
                .getString("organizationId")).isEqualTo(Persona.GLOBEX);
    }

    @Test
    void verification_is_public_and_shows_holder_course_and_date() {
        userChanged(Persona.ACME_TRAINEE, "Adam Trainee", COMPLETED, 1L);
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 88));
        GraphQlClient.Response verified = anonymous(Ops.VERIFY, Map.of("code", codeOf(Persona.ACME_TRAINEE))).assertNoErrors();
        assertThat((Boolean) verified.get("data.verifyCertificate.authentic")).isTrue();
        assertThat((String) verified.get("data.verifyCertificate.holderName")).isEqualTo("Adam Trainee");
        assertThat((String) verified.get("data.verifyCertificate.courseTitle")).isEqualTo("Global Security Basics");
        assertThat((String) verified.get("data.verifyCertificate.issuedAt")).isEqualTo("2026-03-02T15:04:05.678Z");
    }

    @Test
    void a_forged_or_tampered_code_is_not_authentic_and_shows_nothing() {
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 88));
        String code = codeOf(Persona.ACME_TRAINEE);
        String forged = new CertificateSigner("an-attacker-key-of-at-least-32-characters").codeFor(
                CourseCompletedHandler.certificateIdFor("enrollment-1"), Persona.ACME_TRAINEE.subject(), "course-global",
                COMPLETED, "GLOBAL", null);
        char last = code.charAt(code.length() - 1);
        String tampered = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
        String unknown = UUID.randomUUID() + code.substring(code.indexOf('.'));
        for (String candidate : List.of(forged, tampered, unknown)) {
            GraphQlClient.Response response = anonymous(Ops.VERIFY, Map.of("code", candidate)).assertNoErrors();
            assertThat((Boolean) response.get("data.verifyCertificate.authentic")).isFalse();
            assertThat(response.body()).doesNotContain("Global Security Basics");
        }
    }

    @Test
    void an_altered_stored_certificate_no_longer_verifies() {
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 88));
        String code = codeOf(Persona.ACME_TRAINEE);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(CourseCompletedHandler.certificateIdFor("enrollment-1"))),
                new Update().set("userId", Persona.GLOBEX_TRAINEE.subject()), "certificates");
        assertThat((Boolean) anonymous(Ops.VERIFY, Map.of("code", code)).get("data.verifyCertificate.authentic")).isFalse();
    }

    @Test
    void a_malformed_code_is_bad_input() {
        assertThat(anonymous(Ops.VERIFY, Map.of("code", "not a code")).errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(anonymous(Ops.VERIFY, Map.of("code", "x".repeat(500))).errorCodes()).containsExactly("BAD_USER_INPUT");
    }

    @Test
    void the_holder_name_is_the_newest_identity_snapshot_whatever_the_order() {
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 88));
        userChanged(Persona.ACME_TRAINEE, "Adam Newest", COMPLETED.plusSeconds(60), 2L);
        userChanged(Persona.ACME_TRAINEE, "Adam Older", COMPLETED, 1L);
        assertThat((String) as(Persona.ACME_TRAINEE, Ops.CERTIFICATES).get("data.certificates.edges[0].node.holderName"))
                .isEqualTo("Adam Newest");
    }

    @Test
    void a_newer_version_with_an_older_occurred_at_is_kept_in_whichever_order_they_arrive() {
        // identity instance A writes at .005; instance B, its clock behind, writes the next version at .003
        Instant a = Instant.parse("2026-03-02T10:00:00.005Z");
        Instant b = Instant.parse("2026-03-02T10:00:00.003Z");
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 88));
        userChanged(Persona.ACME_TRAINEE, "Adam A", a, 2L);
        userChanged(Persona.ACME_TRAINEE, "Adam B", b, 3L);
        assertThat(holderName(Persona.ACME_TRAINEE)).isEqualTo("Adam B");

        publish(courseCompleted("enrollment-2", Persona.GLOBEX_TRAINEE, 88));
        userChanged(Persona.GLOBEX_TRAINEE, "Greg B", b, 3L);
        userChanged(Persona.GLOBEX_TRAINEE, "Greg A", a, 2L); // the older version, delivered last, with the later clock
        assertThat(holderName(Persona.GLOBEX_TRAINEE)).isEqualTo("Greg B");
    }

    @Test
    void of_two_snapshots_with_the_same_occurred_at_the_higher_version_wins() {
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 88));
        userChanged(Persona.ACME_TRAINEE, "Adam First", COMPLETED, 1L);
        userChanged(Persona.ACME_TRAINEE, "Adam Second", COMPLETED, 2L);
        assertThat(holderName(Persona.ACME_TRAINEE)).isEqualTo("Adam Second");

        publish(courseCompleted("enrollment-2", Persona.GLOBEX_TRAINEE, 88));
        userChanged(Persona.GLOBEX_TRAINEE, "Greg Second", COMPLETED, 2L);
        userChanged(Persona.GLOBEX_TRAINEE, "Greg First", COMPLETED, 1L);
        assertThat(holderName(Persona.GLOBEX_TRAINEE)).isEqualTo("Greg Second");
    }

    @Test
    void a_snapshot_from_before_versions_counts_as_version_zero_so_it_never_beats_a_versioned_one() {
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 88));
        unversionedUserChanged(Persona.ACME_TRAINEE, "Adam Legacy", COMPLETED.plusSeconds(60));
        assertThat(holderName(Persona.ACME_TRAINEE)).as("nothing newer known: applied").isEqualTo("Adam Legacy");

        userChanged(Persona.ACME_TRAINEE, "Adam Versioned", COMPLETED, 1L);
        assertThat(holderName(Persona.ACME_TRAINEE)).isEqualTo("Adam Versioned");

        unversionedUserChanged(Persona.ACME_TRAINEE, "Adam Late Legacy", COMPLETED.plusSeconds(120));
        assertThat(holderName(Persona.ACME_TRAINEE)).as("a later clock does not beat a version").isEqualTo("Adam Versioned");
        assertThat(eventLog.backlog("assessment.users")).as("applied or skipped, never parked").isZero();
    }

    @Test
    void user_certificates_are_for_the_user_managers_of_the_organization_and_root() {
        publish(courseCompleted("enrollment-1", Persona.ACME_TRAINEE, 88));
        List<Map<String, Object>> acmeTrainee = List.of(Map.of("__typename", "User", "id", Persona.ACME_TRAINEE.subject()));
        for (Persona allowed : List.of(Persona.ACME_TRAINEE, Persona.ACME_MANAGER, Persona.ROOT)) {
            assertThat((List<Object>) as(allowed, Ops.ENTITIES, Map.of("r", acmeTrainee)).assertNoErrors()
                    .get("data._entities[0].certificates")).as(allowed.email()).hasSize(1);
        }
        assertThat((Object) as(Persona.GLOBEX_TRAINEE, Ops.ENTITIES, Map.of("r", acmeTrainee)).assertNoErrors()
                .get("data._entities[0].certificates")).isNull();
        assertThat((List<Object>) as(Persona.GLOBEX_MANAGER, Ops.ENTITIES, Map.of("r", acmeTrainee)).assertNoErrors()
                .get("data._entities[0].certificates")).as("nothing of another organization").isEmpty();
        String id = CourseCompletedHandler.certificateIdFor("enrollment-1");
        assertThat((Object) as(Persona.GLOBEX_MANAGER, Ops.CERTIFICATE, Map.of("id", id)).get("data.certificate")).isNull();
        assertThat((Object) as(Persona.GLOBEX_MANAGER, Ops.ENTITIES, Map.of("r", List.of(Map.of("__typename", "Certificate", "id", id))))
                .get("data._entities[0]")).isNull();
        assertThat((String) as(Persona.ACME_MANAGER, Ops.CERTIFICATE, Map.of("id", id)).get("data.certificate.id")).isEqualTo(id);
        assertThat((Integer) as(Persona.GLOBEX_TRAINEE, Ops.CERTIFICATES).get("data.certificates.totalCount")).isZero();
    }
}
