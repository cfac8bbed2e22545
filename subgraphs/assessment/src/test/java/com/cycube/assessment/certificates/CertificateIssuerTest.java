package com.cycube.assessment.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.assessment.AssessmentIntegrationTest;
import com.cycube.assessment.Ops;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Who issued a certificate: a certificate of an organization's own course names that organization and is not platform
 * content, however its course is titled; only GLOBAL courses are CyCube's. The facts are recorded when the certificate
 * is issued.
 */
class CertificateIssuerTest extends AssessmentIntegrationTest {

    private static final Instant COMPLETED = Instant.parse("2026-03-02T15:04:05.678Z");
    private static final String FAKE_COURSE = "course-acme-look-alike";
    private static final String FAKE_QUIZ = "cube-acme-look-alike-quiz";
    private static final String LOOK_ALIKE_TITLE = "CyCube Certified Security Professional";
    private static final String FLAG = "FLAG{trivial-self-made}";

    @Autowired
    private CertificateSigner signer;

    private void organizationChanged(String organizationId, String name, long version) {
        publish(DomainEvent.of(organizationId, COMPLETED, new OrganizationChanged(organizationId, name, 10, 2, true,
                version)));
    }

    private void completed(String enrollmentId, Persona learner, String courseId, String title) {
        publish(DomainEvent.of(learner.organizationId(), COMPLETED, new CourseCompleted(enrollmentId, learner.subject(),
                courseId, title, 100.0, COMPLETED)));
    }

    private String codeOf(Persona holder, String courseTitle) {
        List<Map<String, Object>> nodes = as(holder, Ops.CERTIFICATES).assertNoErrors().get("data.certificates.edges[*].node");
        return nodes.stream().filter(node -> courseTitle.equals(node.get("courseTitle")))
                .map(node -> (String) node.get("verificationCode")).findFirst().orElseThrow();
    }

    private GraphQlClient.Response verify(String code) {
        return anonymous(Ops.VERIFY, Map.of("code", code)).assertNoErrors();
    }

    @Test
    void a_self_authored_organization_course_certificate_names_the_organization_as_issuer_and_is_not_platform_content() {
        organizationChanged(Persona.ACME, "Acme Corp", 1L);
        // the attack: a manager's own course, titled like a platform certification, with a trivial quiz they pass
        publishCourse(FAKE_COURSE, Persona.ACME, LOOK_ALIKE_TITLE, cube(FAKE_QUIZ, "QUIZ"));
        List<String> bodies = new ArrayList<>();
        GraphQlClient.Response created = as(Persona.ACME_MANAGER, Ops.CREATE,
                Map.of("input", flagQuestion(FAKE_QUIZ, FLAG, false, 3))).assertNoErrors();
        bodies.add(created.body());
        String questionId = created.get("data.createQuestion.question.id");
        bodies.add(submit(Persona.ACME_MANAGER, questionId, "flag", FLAG).assertNoErrors().body());
        completed("enrollment-look-alike", Persona.ACME_MANAGER, FAKE_COURSE, LOOK_ALIKE_TITLE);

        String code = codeOf(Persona.ACME_MANAGER, LOOK_ALIKE_TITLE);
        GraphQlClient.Response verified = verify(code);
        bodies.add(verified.body());
        assertThat((Boolean) verified.get("data.verifyCertificate.authentic")).isTrue();
        assertThat((String) verified.get("data.verifyCertificate.courseTitle")).isEqualTo(LOOK_ALIKE_TITLE);
        assertThat((String) verified.get("data.verifyCertificate.issuer")).isEqualTo("Acme Corp");
        assertThat((Boolean) verified.get("data.verifyCertificate.platformContent")).isFalse();
        assertThat((Boolean) verified.get("data.verifyCertificate.revoked")).isFalse();
        assertThat((Object) verified.get("data.verifyCertificate.revokedAt")).isNull();

        String id = code.substring(0, code.indexOf('.'));
        GraphQlClient.Response certificate = as(Persona.ACME_MANAGER, Ops.CERTIFICATE_STATUS, Map.of("id", id))
                .assertNoErrors();
        bodies.add(certificate.body());
        assertThat((String) certificate.get("data.certificate.issuer")).isEqualTo("Acme Corp");
        assertThat((Boolean) certificate.get("data.certificate.platformContent")).isFalse();
        assertThat((Boolean) certificate.get("data.certificate.revoked")).isFalse();
        // no answer key anywhere on the way (ADR 11)
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(FLAG).doesNotContain("flagHash"));
    }

    @Test
    void a_global_course_certificate_names_cycube_as_issuer_and_is_platform_content() {
        organizationChanged(Persona.ACME, "Acme Corp", 1L);
        completed("enrollment-global", Persona.ACME_TRAINEE, "course-global", "Global Security Basics");
        GraphQlClient.Response verified = verify(codeOf(Persona.ACME_TRAINEE, "Global Security Basics"));
        assertThat((Boolean) verified.get("data.verifyCertificate.authentic")).isTrue();
        assertThat((String) verified.get("data.verifyCertificate.issuer")).isEqualTo("CyCube");
        assertThat((Boolean) verified.get("data.verifyCertificate.platformContent")).isTrue();
        assertThat((Boolean) verified.get("data.verifyCertificate.revoked")).isFalse();
        assertThat((String) as(Persona.ACME_TRAINEE, Ops.ENTITIES, Map.of("r", List.of(Map.of("__typename", "Certificate",
                "id", CourseCompletedHandler.certificateIdFor("enrollment-global"))))).assertNoErrors()
                .get("data._entities[0].courseTitle")).isEqualTo("Global Security Basics");
    }

    @Test
    void the_course_title_cannot_make_an_organization_course_platform_content() {
        publishCourse(FAKE_COURSE, Persona.ACME, "CyCube", cube(FAKE_QUIZ, "QUIZ"));
        completed("enrollment-1", Persona.ACME_TRAINEE, FAKE_COURSE, "CyCube");
        GraphQlClient.Response verified = verify(codeOf(Persona.ACME_TRAINEE, "CyCube"));
        assertThat((Boolean) verified.get("data.verifyCertificate.platformContent")).isFalse();
        assertThat((Object) verified.get("data.verifyCertificate.issuer")).as("identity has not named Acme yet").isNull();
    }

    @Test
    void the_issuer_name_is_the_organization_snapshot_with_the_highest_version_whatever_the_order() {
        completed("enrollment-1", Persona.ACME_TRAINEE, "course-acme", "Acme Playbook");
        String code = codeOf(Persona.ACME_TRAINEE, "Acme Playbook");
        organizationChanged(Persona.ACME, "Acme Newest", 3L);
        organizationChanged(Persona.ACME, "Acme Older", 2L);
        assertThat((String) verify(code).get("data.verifyCertificate.issuer")).isEqualTo("Acme Newest");
        organizationChanged(Persona.GLOBEX, "Globex", 9L);
        assertThat((String) verify(code).get("data.verifyCertificate.issuer")).as("another organization's name never")
                .isEqualTo("Acme Newest");
        assertThat(eventLog.backlog("assessment.organizations")).isZero();
    }

    @Test
    void what_a_certificate_records_at_issue_time_is_not_rewritten_by_later_course_facts() {
        organizationChanged(Persona.ACME, "Acme Corp", 1L);
        completed("enrollment-1", Persona.ACME_TRAINEE, "course-acme", "Acme Playbook");
        completed("enrollment-2", Persona.ACME_TRAINEE, "course-global", "Global Security Basics");
        // whatever assessment later believes about the courses, issued certificates keep what was true then
        mongo.updateFirst(Query.query(Criteria.where("_id").is("course-acme")),
                new Update().set("organizationId", null).set("visibility", "GLOBAL"), "courses");
        mongo.updateFirst(Query.query(Criteria.where("_id").is("course-global")),
                new Update().set("organizationId", Persona.ACME).set("visibility", "ORGANIZATION"), "courses");
        publishCourse("course-acme", null, "Acme Playbook v2", cube(ACME_QUIZ, "QUIZ"));
        GraphQlClient.Response acme = verify(codeOf(Persona.ACME_TRAINEE, "Acme Playbook"));
        assertThat((String) acme.get("data.verifyCertificate.issuer")).isEqualTo("Acme Corp");
        assertThat((Boolean) acme.get("data.verifyCertificate.platformContent")).isFalse();
        GraphQlClient.Response global = verify(codeOf(Persona.ACME_TRAINEE, "Global Security Basics"));
        assertThat((String) global.get("data.verifyCertificate.issuer")).isEqualTo("CyCube");
        assertThat((Boolean) global.get("data.verifyCertificate.platformContent")).isTrue();
    }

    @Test
    void a_certificate_altered_in_the_store_into_platform_content_no_longer_verifies() {
        completed("enrollment-1", Persona.ACME_TRAINEE, "course-acme", "Acme Playbook");
        String code = codeOf(Persona.ACME_TRAINEE, "Acme Playbook");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(CourseCompletedHandler.certificateIdFor("enrollment-1"))),
                new Update().set("courseVisibility", "GLOBAL").set("courseOrganizationId", null), "certificates");
        GraphQlClient.Response verified = verify(code);
        assertThat((Boolean) verified.get("data.verifyCertificate.authentic")).isFalse();
        assertThat((Object) verified.get("data.verifyCertificate.issuer")).isNull();
        assertThat((Object) verified.get("data.verifyCertificate.platformContent")).isNull();
    }

    @Test
    void a_publication_in_one_organization_never_turns_a_course_into_platform_content() {
        publishCourse(FAKE_COURSE, Persona.ACME, LOOK_ALIKE_TITLE, cube(FAKE_QUIZ, "QUIZ"));
        // a later version of the same course published as platform content: a course never changes its owner
        publish(DomainEvent.of(null, COMPLETED, new CoursePublished(FAKE_COURSE, 2, LOOK_ALIKE_TITLE, "GLOBAL", null,
                List.of(cube(FAKE_QUIZ, "QUIZ")))));
        completed("enrollment-1", Persona.ACME_TRAINEE, FAKE_COURSE, LOOK_ALIKE_TITLE);
        assertThat((Boolean) verify(codeOf(Persona.ACME_TRAINEE, LOOK_ALIKE_TITLE)).get("data.verifyCertificate.platformContent"))
                .isFalse();
    }

    @Test
    void a_completion_of_a_course_assessment_does_not_know_yet_waits_and_is_issued_once_the_course_is_known() {
        completed("enrollment-1", Persona.ACME_TRAINEE, FAKE_COURSE, LOOK_ALIKE_TITLE);
        assertThat(mongo.count(new Query(), "certificates")).as("never without knowing who issues it").isZero();
        assertThat(eventLog.backlog("assessment.certificates")).as("waits for a retry").isOne();

        publishCourse(FAKE_COURSE, Persona.ACME, LOOK_ALIKE_TITLE, cube(FAKE_QUIZ, "QUIZ"));
        clock.advance(Duration.ofMinutes(1));
        events.drain();
        assertThat(eventLog.backlog("assessment.certificates")).isZero();
        assertThat((Boolean) verify(codeOf(Persona.ACME_TRAINEE, LOOK_ALIKE_TITLE)).get("data.verifyCertificate.platformContent"))
                .isFalse();
    }

    @Test
    void a_certificate_issued_before_issuers_were_recorded_gets_them_when_assessment_learns_its_course() {
        String legacy = CourseCompletedHandler.certificateIdFor("enrollment-legacy");
        mongo.insert(new Document("_id", legacy).append("organizationId", Persona.ACME)
                .append("userId", Persona.ACME_TRAINEE.subject()).append("enrollmentId", "enrollment-legacy")
                .append("courseId", FAKE_COURSE).append("courseTitle", LOOK_ALIKE_TITLE).append("score", 100)
                .append("issuedAt", Date.from(COMPLETED))
                .append("verificationCode", signer.legacyCodeFor(legacy, Persona.ACME_TRAINEE.subject(), FAKE_COURSE, COMPLETED)), "certificates");
        String code = codeOf(Persona.ACME_TRAINEE, LOOK_ALIKE_TITLE);
        GraphQlClient.Response before = verify(code);
        assertThat((Boolean) before.get("data.verifyCertificate.authentic")).isTrue();
        assertThat((Object) before.get("data.verifyCertificate.platformContent")).as("unknown, never claimed").isNull();
        assertThat((Object) before.get("data.verifyCertificate.issuer")).isNull();

        organizationChanged(Persona.ACME, "Acme Corp", 1L);
        publishCourse(FAKE_COURSE, Persona.ACME, LOOK_ALIKE_TITLE, cube(FAKE_QUIZ, "QUIZ"));
        GraphQlClient.Response after = verify(code);
        assertThat((Boolean) after.get("data.verifyCertificate.platformContent")).isFalse();
        assertThat((String) after.get("data.verifyCertificate.issuer")).isEqualTo("Acme Corp");
    }
}
