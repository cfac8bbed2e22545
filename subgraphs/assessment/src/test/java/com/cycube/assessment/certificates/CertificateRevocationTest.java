package com.cycube.assessment.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.assessment.AssessmentIntegrationTest;
import com.cycube.assessment.Ops;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Revoking certificates: root any; a manager only certificates of their organization's own courses (never platform
 * certificates, never another organization's); nobody else. A revoked certificate still verifies as authentic (the
 * code is genuine) and says it is revoked.
 */
class CertificateRevocationTest extends AssessmentIntegrationTest {

    private static final Instant COMPLETED = Instant.parse("2026-03-02T15:04:05.678Z");
    private static final String REASON = "The quiz was trivial; re-take the real course";

    /** An Acme trainee's certificate of Acme's own course. */
    private final String acmeOwnCourse = CourseCompletedHandler.certificateIdFor("enrollment-acme-own");
    /** The same Acme trainee's certificate of the GLOBAL course (platform content). */
    private final String acmeGlobalCourse = CourseCompletedHandler.certificateIdFor("enrollment-acme-global");
    /** A Globex trainee's certificate of Globex's own course. */
    private final String globexOwnCourse = CourseCompletedHandler.certificateIdFor("enrollment-globex-own");

    @BeforeEach
    void threeCertificates() {
        publish(DomainEvent.of(Persona.ACME, COMPLETED, new OrganizationChanged(Persona.ACME, "Acme Corp", 10, 2, true, 1L)));
        completed("enrollment-acme-own", Persona.ACME_TRAINEE, "course-acme", "Acme Playbook");
        completed("enrollment-acme-global", Persona.ACME_TRAINEE, "course-global", "Global Security Basics");
        completed("enrollment-globex-own", Persona.GLOBEX_TRAINEE, "course-globex", "Globex Playbook");
        clock.advance(Duration.ofDays(3));
    }

    private void completed(String enrollmentId, Persona learner, String courseId, String title) {
        publish(DomainEvent.of(learner.organizationId(), COMPLETED, new CourseCompleted(enrollmentId, learner.subject(),
                courseId, title, 90.0, COMPLETED)));
    }

    private GraphQlClient.Response revoke(Persona persona, String certificateId, String reason) {
        Map<String, Object> input = new HashMap<>();
        input.put("certificateId", certificateId);
        input.put("reason", reason);
        return as(persona, Ops.REVOKE, Map.of("input", input));
    }

    private List<String> revokeCodes(Persona persona, String certificateId) {
        return revoke(persona, certificateId, REASON).errorCodes();
    }

    private Document stored(String certificateId) {
        return mongo.findById(certificateId, Document.class, "certificates");
    }

    private List<Document> allStored() {
        return mongo.find(new Query(), Document.class, "certificates");
    }

    private String codeOf(String certificateId) {
        return stored(certificateId).getString("verificationCode");
    }

    @Test
    void a_manager_revokes_a_certificate_of_their_organization_own_course() {
        GraphQlClient.Response revoked = revoke(Persona.ACME_MANAGER, acmeOwnCourse, REASON).assertNoErrors();
        assertThat((String) revoked.get("data.revokeCertificate.certificate.id")).isEqualTo(acmeOwnCourse);
        assertThat((Boolean) revoked.get("data.revokeCertificate.certificate.revoked")).isTrue();
        assertThat(Instant.parse(revoked.get("data.revokeCertificate.certificate.revokedAt"))).isEqualTo(clock.instant());
        assertThat((String) revoked.get("data.revokeCertificate.certificate.issuer")).isEqualTo("Acme Corp");
        Document stored = stored(acmeOwnCourse);
        assertThat(stored.getString("revokedBy")).isEqualTo(Persona.ACME_MANAGER.subject());
        assertThat(stored.getString("revocationReason")).isEqualTo(REASON);
        assertThat((Boolean) as(Persona.ACME_TRAINEE, Ops.CERTIFICATE_STATUS, Map.of("id", acmeOwnCourse)).assertNoErrors()
                .get("data.certificate.revoked")).as("the holder sees it").isTrue();
    }

    @Test
    void a_manager_cannot_revoke_a_platform_certificate() {
        List<Document> before = allStored();
        assertThat(revokeCodes(Persona.ACME_MANAGER, acmeGlobalCourse)).containsExactly("FORBIDDEN");
        assertThat(allStored()).isEqualTo(before);
    }

    @Test
    void a_manager_cannot_revoke_another_organization_certificate_which_answers_like_a_missing_one() {
        List<Document> before = allStored();
        GraphQlClient.Response otherTenant = revoke(Persona.ACME_MANAGER, globexOwnCourse, REASON);
        GraphQlClient.Response missing = revoke(Persona.ACME_MANAGER, UUID.randomUUID().toString(), REASON);
        assertThat(otherTenant.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(missing.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(otherTenant.body()).doesNotContain("Globex Playbook");
        assertThat(revokeCodes(Persona.GLOBEX_MANAGER, acmeOwnCourse)).containsExactly("NOT_FOUND");
        assertThat(revokeCodes(Persona.GLOBEX_MANAGER, acmeGlobalCourse)).containsExactly("NOT_FOUND");
        assertThat(allStored()).isEqualTo(before);
    }

    @Test
    void trainees_and_integrations_are_forbidden_and_anonymous_callers_unauthenticated() {
        List<Document> before = allStored();
        Persona writer = Persona.integration("acme-lms", Persona.ACME, List.of("catalog:write", "training:write", "org:read"));
        for (Persona denied : List.of(Persona.ACME_TRAINEE, Persona.ACME_HR_INTEGRATION, writer)) {
            assertThat(revokeCodes(denied, acmeOwnCourse)).as(denied.email()).containsExactly("FORBIDDEN");
        }
        assertThat(anonymous(Ops.REVOKE, Map.of("input", Map.of("certificateId", acmeOwnCourse, "reason", REASON)))
                .errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(allStored()).isEqualTo(before);
    }

    @Test
    void root_revokes_any_certificate() {
        for (String id : List.of(acmeOwnCourse, acmeGlobalCourse, globexOwnCourse)) {
            assertThat((Boolean) revoke(Persona.ROOT, id, REASON).assertNoErrors()
                    .get("data.revokeCertificate.certificate.revoked")).isTrue();
            assertThat(stored(id).getString("revokedBy")).isEqualTo(Persona.ROOT.subject());
        }
    }

    @Test
    void revoking_again_changes_nothing_and_answers_the_revoked_certificate() {
        String firstAt = revoke(Persona.ACME_MANAGER, acmeOwnCourse, REASON).assertNoErrors()
                .get("data.revokeCertificate.certificate.revokedAt");
        Document first = stored(acmeOwnCourse);
        clock.advance(Duration.ofHours(1));
        GraphQlClient.Response again = revoke(Persona.ROOT, acmeOwnCourse, "Another reason").assertNoErrors();
        assertThat((Boolean) again.get("data.revokeCertificate.certificate.revoked")).isTrue();
        assertThat((String) again.get("data.revokeCertificate.certificate.revokedAt")).isEqualTo(firstAt);
        assertThat(stored(acmeOwnCourse)).isEqualTo(first);
    }

    @Test
    void racing_revocations_revoke_once() throws Exception {
        List<CompletableFuture<GraphQlClient.Response>> racing = new ArrayList<>();
        for (Persona persona : List.of(Persona.ACME_MANAGER, Persona.ROOT, Persona.ACME_MANAGER, Persona.ROOT)) {
            racing.add(CompletableFuture.supplyAsync(() -> revoke(persona, acmeOwnCourse, REASON + " " + persona.role())));
        }
        List<Instant> revokedAts = new ArrayList<>();
        for (CompletableFuture<GraphQlClient.Response> response : racing) {
            revokedAts.add(Instant.parse(response.get().assertNoErrors().get("data.revokeCertificate.certificate.revokedAt")));
        }
        assertThat(revokedAts).containsOnly(clock.instant());
        Document stored = stored(acmeOwnCourse);
        assertThat(stored.getString("revocationReason")).isEqualTo(REASON + " " + (Persona.ROOT.subject()
                .equals(stored.getString("revokedBy")) ? "ROOT" : "MANAGER"));
    }

    @Test
    void a_reason_is_required_with_one_to_500_characters_and_bad_input_changes_nothing() {
        List<Document> before = allStored();
        for (String reason : new String[] {null, "", "   ", "x".repeat(501)}) {
            assertThat(revoke(Persona.ROOT, acmeOwnCourse, reason).errorCodes()).as(String.valueOf(reason))
                    .containsExactly("BAD_USER_INPUT");
        }
        assertThat(revoke(Persona.ROOT, "", REASON).errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(allStored()).isEqualTo(before);
        assertThat((Boolean) revoke(Persona.ROOT, acmeOwnCourse, "x".repeat(500)).assertNoErrors()
                .get("data.revokeCertificate.certificate.revoked")).isTrue();
    }

    @Test
    void a_revoked_certificate_still_verifies_as_authentic_and_says_it_is_revoked_without_the_reason() {
        String code = codeOf(acmeOwnCourse);
        GraphQlClient.Response valid = anonymous(Ops.VERIFY, Map.of("code", code)).assertNoErrors();
        assertThat((Boolean) valid.get("data.verifyCertificate.revoked")).isFalse();
        assertThat((Object) valid.get("data.verifyCertificate.revokedAt")).isNull();

        Instant revokedAt = clock.instant();
        revoke(Persona.ACME_MANAGER, acmeOwnCourse, REASON).assertNoErrors();
        GraphQlClient.Response verified = anonymous(Ops.VERIFY, Map.of("code", code)).assertNoErrors();
        assertThat((Boolean) verified.get("data.verifyCertificate.authentic")).isTrue();
        assertThat((Boolean) verified.get("data.verifyCertificate.revoked")).isTrue();
        assertThat(Instant.parse(verified.get("data.verifyCertificate.revokedAt"))).isEqualTo(revokedAt);
        assertThat((String) verified.get("data.verifyCertificate.issuer")).isEqualTo("Acme Corp");
        assertThat((Boolean) verified.get("data.verifyCertificate.platformContent")).isFalse();
        assertThat(verified.body()).doesNotContain(REASON).doesNotContain(Persona.ACME_MANAGER.subject());

        GraphQlClient.Response otherValid = anonymous(Ops.VERIFY, Map.of("code", codeOf(acmeGlobalCourse))).assertNoErrors();
        assertThat((Boolean) otherValid.get("data.verifyCertificate.revoked")).as("only that certificate").isFalse();
    }

    @Test
    void a_forged_code_of_a_revoked_certificate_is_still_not_authentic_and_shows_nothing() {
        revoke(Persona.ROOT, acmeOwnCourse, REASON).assertNoErrors();
        String code = codeOf(acmeOwnCourse);
        char last = code.charAt(code.length() - 1);
        GraphQlClient.Response tampered = anonymous(Ops.VERIFY, Map.of("code",
                code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A'))).assertNoErrors();
        assertThat((Boolean) tampered.get("data.verifyCertificate.authentic")).isFalse();
        for (String field : List.of("revoked", "revokedAt", "issuer", "platformContent", "holderName", "courseTitle")) {
            assertThat((Object) tampered.get("data.verifyCertificate." + field)).as(field).isNull();
        }
    }
}
