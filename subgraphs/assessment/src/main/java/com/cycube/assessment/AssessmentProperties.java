package com.cycube.assessment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code cycube.assessment.*}; what each value means is in application.yaml. */
@ConfigurationProperties("cycube.assessment")
public record AssessmentProperties(
        @DefaultValue Quiz quiz,
        @DefaultValue Flags flags,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Certificates certificates) {

    public record Quiz(@DefaultValue("70") int defaultPassMark) {
    }

    public record Flags(@DefaultValue("120000") int hashIterations) {
    }

    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @DefaultValue("1m") Duration window,
                            @DefaultValue("10") int submissionsPerWindow,
                            @DefaultValue("5") int flagSubmissionsPerWindow) {
    }

    /**
     * {@code signingKey}: the HMAC key of verification codes, from the environment; no default (null when not set):
     * outside {@code cycube.dev-mode} the subgraph does not start without one ({@code CertificateSigner}).
     */
    public record Certificates(@DefaultValue("70") int passingScore,
                               String signingKey) {

        @Override
        public String toString() {
            return "Certificates[passingScore=" + passingScore + ", signingKey=<redacted>]";
        }
    }

    /**
     * Public, hence only good for a laptop: used when no key is set in {@code cycube.dev-mode} (with a warning);
     * refused anywhere else.
     */
    public static final String DEV_SIGNING_KEY = "dev-only-insecure-certificate-signing-key";
}
