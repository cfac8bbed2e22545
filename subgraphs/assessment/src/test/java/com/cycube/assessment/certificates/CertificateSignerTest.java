package com.cycube.assessment.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateSignerTest {

    private static final String KEY = "test-signing-key-of-at-least-32-characters";
    private static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00.123Z");
    private final CertificateSigner signer = new CertificateSigner(KEY);
    private final String id = CourseCompletedHandler.certificateIdFor("enrollment-1");
    private final CertificateDocument certificate = stored("user-1", "course-1", ISSUED, "ORGANIZATION", "org-acme");

    /** A stored certificate of Acme's trainee with these signed fields. */
    private CertificateDocument stored(String userId, String courseId, Instant issuedAt, String courseVisibility,
                                       String courseOrganizationId) {
        return new CertificateDocument(id, "org-acme", userId, "enrollment-1", courseId, "Course", 90, issuedAt, null,
                courseVisibility, courseOrganizationId, null, null, null);
    }

    private String code() {
        return signer.codeFor(id, "user-1", "course-1", ISSUED, "ORGANIZATION", "org-acme");
    }

    private CertificateSigner.ParsedCode parse(String code) {
        return CertificateSigner.parse(code).orElseThrow();
    }

    @Test
    void a_code_verifies_its_certificate() {
        assertThat(signer.verifies(parse(code()), certificate)).isTrue();
    }

    @Test
    void an_altered_certificate_no_longer_verifies() {
        String code = code();
        assertThat(signer.verifies(parse(code), stored("user-2", "course-1", ISSUED, "ORGANIZATION", "org-acme")))
                .as("other holder").isFalse();
        assertThat(signer.verifies(parse(code), stored("user-1", "course-2", ISSUED, "ORGANIZATION", "org-acme")))
                .as("other course").isFalse();
        assertThat(signer.verifies(parse(code), stored("user-1", "course-1", ISSUED.plusSeconds(86_400), "ORGANIZATION",
                "org-acme"))).as("other date").isFalse();
    }

    @Test
    void who_issued_it_is_signed_too_so_a_certificate_altered_into_platform_content_no_longer_verifies() {
        String code = code();
        assertThat(signer.verifies(parse(code), stored("user-1", "course-1", ISSUED, "GLOBAL", null)))
                .as("made platform content").isFalse();
        assertThat(signer.verifies(parse(code), stored("user-1", "course-1", ISSUED, "ORGANIZATION", "org-globex")))
                .as("other owner").isFalse();
        assertThat(signer.verifies(parse(code), stored("user-1", "course-1", ISSUED, null, null)))
                .as("owner removed").isFalse();
    }

    @Test
    void a_code_issued_before_the_issuer_was_signed_still_verifies() {
        String legacy = signer.legacyCodeFor(id, "user-1", "course-1", ISSUED);
        assertThat(signer.verifies(parse(legacy), stored("user-1", "course-1", ISSUED, null, null))).isTrue();
        assertThat(signer.verifies(parse(legacy), certificate)).as("its owner learnt later").isTrue();
        assertThat(signer.verifies(parse(legacy), stored("user-2", "course-1", ISSUED, null, null))).isFalse();
    }

    @Test
    void a_code_signed_with_another_key_or_tampered_with_is_rejected() {
        CertificateSigner other = new CertificateSigner("another-key-that-is-at-least-32-chars-long");
        assertThat(signer.verifies(parse(other.codeFor(id, "user-1", "course-1", ISSUED, "ORGANIZATION", "org-acme")),
                certificate)).isFalse();
        assertThat(signer.verifies(parse(other.legacyCodeFor(id, "user-1", "course-1", ISSUED)), certificate)).isFalse();
        String code = code();
        char last = code.charAt(code.length() - 1);
        String tampered = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(signer.verifies(parse(tampered), certificate)).isFalse();
    }

    @Test
    void malformed_codes_do_not_parse() {
        assertThat(CertificateSigner.parse("hello")).isEmpty();
        assertThat(CertificateSigner.parse(id)).isEmpty();
        assertThat(CertificateSigner.parse(id + ".short")).isEmpty();
        assertThat(CertificateSigner.parse(null)).isEmpty();
    }

    @Test
    void certificate_ids_are_derived_from_the_enrollment() {
        assertThat(CourseCompletedHandler.certificateIdFor("enrollment-1")).isEqualTo(id);
        assertThat(CourseCompletedHandler.certificateIdFor("enrollment-2")).isNotEqualTo(id);
    }
}
