package com.cycube.assessment.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.assessment.AssessmentApplication;
import com.cycube.assessment.AssessmentProperties;
import com.cycube.testing.EmbeddedMongoInitializer;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The certificate signing key at start-up: outside the local stack ({@code cycube.dev-mode}) a missing key or the
 * public development key stops the start with a message naming the variable to set; in dev mode the subgraph starts
 * with the public key and a warning. Starts the real application (command-line arguments outrank the tests' key).
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeyStartUpTest {

    private static final String MESSAGE = "No certificate signing key: set CYCUBE_ASSESSMENT_CERTIFICATES_SIGNING_KEY";
    private static final String WARNING = "The certificate signing key is the public development value";
    private static final String OWN_KEY = "an-operators-own-signing-key-of-32-characters-or-more";

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] common = {"--server.port=0", "--spring.main.banner-mode=off", "--cycube.demo-data.enabled=false",
                "--cycube.events.background=false", "--cycube.change-streams.enabled=false"};
        return new SpringApplicationBuilder(AssessmentApplication.class)
                .initializers(new EmbeddedMongoInitializer())
                .run(Stream.concat(Stream.of(common), Stream.of(arguments)).toArray(String[]::new));
    }

    private static String codeSignedBy(CertificateSigner signer) {
        return signer.codeFor("7d1e6a1c-3a52-4f0e-9d3b-1a2b3c4d5e6f", "user-1", "course-1",
                Instant.parse("2026-03-01T10:00:00Z"), "GLOBAL", null);
    }

    @Test
    void without_a_signing_key_assessment_refuses_to_start_outside_the_local_stack(CapturedOutput output) {
        assertThatThrownBy(() -> start("--cycube.assessment.certificates.signing-key="))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MESSAGE).hasMessageContaining("it is not set");
        assertThat(output).doesNotContain(OWN_KEY);
    }

    @Test
    void with_the_public_development_key_assessment_refuses_to_start_outside_the_local_stack() {
        assertThatThrownBy(() -> start("--cycube.assessment.certificates.signing-key="
                + AssessmentProperties.DEV_SIGNING_KEY, "--cycube.dev-mode=false"))
                .rootCause().hasMessageContaining(MESSAGE).hasMessageContaining("it is the public development key");
    }

    @Test
    void in_dev_mode_without_a_key_assessment_starts_signing_with_the_development_key_and_warns(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("--cycube.assessment.certificates.signing-key=",
                "--cycube.dev-mode=true")) {
            assertThat(output).contains(WARNING);
            assertThat(codeSignedBy(context.getBean(CertificateSigner.class)))
                    .isEqualTo(codeSignedBy(new CertificateSigner(AssessmentProperties.DEV_SIGNING_KEY)));
        }
    }

    @Test
    void a_key_of_its_own_is_used_without_a_warning_whatever_the_mode() {
        assertThat(CertificateSigner.checkedKey(OWN_KEY, false)).isEqualTo(OWN_KEY);
        assertThat(CertificateSigner.checkedKey(OWN_KEY, true)).isEqualTo(OWN_KEY);
    }

    @Test
    void a_blank_key_counts_as_missing_and_a_short_one_is_refused() {
        assertThatThrownBy(() -> CertificateSigner.checkedKey("   ", false)).hasMessageContaining("it is not set");
        assertThatThrownBy(() -> CertificateSigner.checkedKey(null, false)).hasMessageContaining("it is not set");
        assertThatThrownBy(() -> new CertificateSigner("too-short"))
                .hasMessageContaining("CYCUBE_ASSESSMENT_CERTIFICATES_SIGNING_KEY").hasMessageContaining("32");
    }
}
