package com.cycube.assessment.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verification codes: made only with the key, broken by any change. */
class CertificateSignerTest {

    private static final String KEY = "test-signing-key-of-at-least-32-characters";
    private static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00.123Z");
    private final CertificateSigner signer = new CertificateSigner(KEY);
    private final String id = CourseCompletedHandler.certificateIdFor("enrollment-1");
    private final CertificateDocument certificate = new CertificateDocument(id, "org-acme", "user-1", "enrollment-1",
            "course-1", "Course", 90, ISSUED, null);

    private CertificateSigner.ParsedCode parse(String code) {
        return CertificateSigner.parse(code).orElseThrow();
    }

    @Test
    void a_code_verifies_its_certificate() {
        String code = signer.codeFor(id, "user-1", "course-1", ISSUED);
        assertThat(signer.verifies(parse(code), certificate)).isTrue();
    }

    @Test
    void an_altered_certificate_no_longer_verifies() {
        String code = signer.codeFor(id, "user-1", "course-1", ISSUED);
        assertThat(signer.verifies(parse(code), new CertificateDocument(id, "org-acme", "user-2", "enrollment-1",
                "course-1", "Course", 90, ISSUED, null))).as("other holder").isFalse();
        assertThat(signer.verifies(parse(code), new CertificateDocument(id, "org-acme", "user-1", "enrollment-1",
                "course-2", "Course", 90, ISSUED, null))).as("other course").isFalse();
        assertThat(signer.verifies(parse(code), new CertificateDocument(id, "org-acme", "user-1", "enrollment-1",
                "course-1", "Course", 90, ISSUED.plusSeconds(86_400), null))).as("other date").isFalse();
    }

    @Test
    void a_code_signed_with_another_key_or_tampered_with_is_rejected() {
        String forged = new CertificateSigner("another-key-that-is-at-least-32-chars-long").codeFor(id, "user-1", "course-1", ISSUED);
        assertThat(signer.verifies(parse(forged), certificate)).isFalse();
        String code = signer.codeFor(id, "user-1", "course-1", ISSUED);
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
