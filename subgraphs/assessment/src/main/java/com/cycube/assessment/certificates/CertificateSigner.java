package com.cycube.assessment.certificates;

import com.cycube.assessment.AssessmentProperties;
import io.micrometer.core.instrument.MeterRegistry;
import com.cycube.support.config.DevelopmentSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Verification codes: {@code <certificate id>.<HMAC-SHA256 signature>}, the signature over a version tag, the
 * certificate id, holder id, course id, issue time and (since {@code v2}) who owns the course — its visibility and
 * owning organization as recorded at issue time — with the key {@code cycube.assessment.certificates.signing-key}
 * (from the environment; only the local stack may go without it, see the constructor). A code can only be made by
 * whoever holds the key; changing any signed field of a stored certificate, or any character of a code, makes
 * verification fail. Codes issued before {@code v2} ({@code v1}: without the course's owner) still verify; only their
 * course owner, recorded later, is unsigned.
 */
@Component
public class CertificateSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String V1 = "cycube-certificate-v1";
    private static final String V2 = "cycube-certificate-v2";
    private static final Pattern CODE = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{43})");

    /** The environment variable production sets the key with (named in every start-up failure). */
    static final String KEY_VARIABLE = "CYCUBE_ASSESSMENT_CERTIFICATES_SIGNING_KEY";

    private final SecretKeySpec key;
    /** 1 while the public development key signs ({@code cycube_certificates_signing_key_dev}, an alert outside a laptop). */
    private final int publicDevelopmentKey;

    /**
     * The key of the configuration. Only the local stack and developers' runs ({@code cycube.dev-mode=true}, env
     * {@code CYCUBE_DEV_MODE}: the switch every subgraph reads for development-only secrets) may go without one,
     * and then sign with the public {@link AssessmentProperties#DEV_SIGNING_KEY} (a warning says so); anywhere
     * else a missing key, or the public one, stops the start.
     */
    @org.springframework.beans.factory.annotation.Autowired
    public CertificateSigner(AssessmentProperties properties,
                             @Value("${cycube.dev-mode:false}") boolean devMode, MeterRegistry meters) {
        this(checkedKey(properties.certificates().signingKey(), devMode));
        meters.gauge("cycube.certificates.signing.key.dev", this, signer -> signer.publicDevelopmentKey);
    }

    public CertificateSigner(String signingKey) {
        if (signingKey == null || signingKey.length() < 32) {
            throw new IllegalStateException("cycube.assessment.certificates.signing-key (env " + KEY_VARIABLE
                    + ") must be at least 32 characters");
        }
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.publicDevelopmentKey = AssessmentProperties.DEV_SIGNING_KEY.equals(signingKey) ? 1 : 0;
    }

    /** The key to sign with, or why the subgraph must not start: see the constructor. */
    static String checkedKey(String configured, boolean devMode) {
        return DevelopmentSecrets.require(configured, AssessmentProperties.DEV_SIGNING_KEY, devMode,
                "certificate signing key", KEY_VARIABLE, "a secret of at least 32 characters");
    }

    /** A parsed, well-formed code: the certificate id it names and the signature it carries. */
    public record ParsedCode(String certificateId, String signature) {
    }

    /** The parts of a well-formed code; empty for anything else (malformed input). */
    public static Optional<ParsedCode> parse(String code) {
        if (code == null || code.length() > 100) {
            return Optional.empty();
        }
        var matcher = CODE.matcher(code.strip());
        return matcher.matches() ? Optional.of(new ParsedCode(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** The code of a certificate: a {@code v2} signature, over the course's owner too. */
    public String codeFor(String certificateId, String userId, String courseId, Instant issuedAt,
                          String courseVisibility, String courseOrganizationId) {
        return certificateId + "." + signature(V2, certificateId, userId, courseId, issuedAt, courseVisibility,
                courseOrganizationId);
    }

    /** A code as certificates were issued before {@code v2} (tests make one to check they still verify). */
    String legacyCodeFor(String certificateId, String userId, String courseId, Instant issuedAt) {
        return certificateId + "." + signature(V1, certificateId, userId, courseId, issuedAt);
    }

    /**
     * Whether {@code code} is this platform's signature of exactly these certificate fields: a {@code v2} signature
     * of them all, or a {@code v1} signature (made only before {@code v2} existed) of all but the course's owner.
     */
    public boolean verifies(ParsedCode code, CertificateDocument certificate) {
        if (!code.certificateId().equals(certificate.id())) {
            return false;
        }
        String v2 = signature(V2, certificate.id(), certificate.userId(), certificate.courseId(), certificate.issuedAt(),
                certificate.courseVisibility(), certificate.courseOrganizationId());
        String v1 = signature(V1, certificate.id(), certificate.userId(), certificate.courseId(), certificate.issuedAt());
        return matches(v2, code.signature()) | matches(v1, code.signature()); // both computed: same time either way
    }

    private static boolean matches(String expected, String signature) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String version, String certificateId, String userId, String courseId, Instant issuedAt,
                             String... more) {
        List<String> fields = new ArrayList<>(List.of(version, String.valueOf(certificateId), String.valueOf(userId),
                String.valueOf(courseId), String.valueOf(issuedAt == null ? null : issuedAt.toEpochMilli())));
        for (String field : more) {
            fields.add(String.valueOf(field));
        }
        String signed = String.join("\n", fields);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
