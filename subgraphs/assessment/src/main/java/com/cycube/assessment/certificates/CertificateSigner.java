package com.cycube.assessment.certificates;

import com.cycube.assessment.AssessmentProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Verification codes: {@code <certificate id>.<HMAC-SHA256 signature>}, the signature over a version tag, the
 * certificate id, holder id, course id and issue time, with the key {@code cycube.assessment.certificates.signing-key}
 * (from the environment in production). A code can only be made by whoever holds the key; changing any signed
 * field of a stored certificate, or any character of a code, makes verification fail.
 */
@Component
public class CertificateSigner {

    private static final Logger log = LoggerFactory.getLogger(CertificateSigner.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern CODE = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{43})");

    private final SecretKeySpec key;

    @org.springframework.beans.factory.annotation.Autowired
    public CertificateSigner(AssessmentProperties properties) {
        this(properties.certificates().signingKey());
    }

    public CertificateSigner(String signingKey) {
        if (signingKey == null || signingKey.length() < 32) {
            throw new IllegalStateException("cycube.assessment.certificates.signing-key must be at least 32 characters");
        }
        if (AssessmentProperties.DEV_SIGNING_KEY.equals(signingKey)) {
            log.warn("Certificates are signed with the public dev-only key: set CYCUBE_ASSESSMENT_CERTIFICATES_SIGNING_KEY "
                    + "outside a laptop");
        }
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
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

    public String codeFor(String certificateId, String userId, String courseId, Instant issuedAt) {
        return certificateId + "." + signature(certificateId, userId, courseId, issuedAt);
    }

    /** Whether {@code code} is this platform's signature of exactly these certificate fields. */
    public boolean verifies(ParsedCode code, CertificateDocument certificate) {
        if (!code.certificateId().equals(certificate.id())) {
            return false;
        }
        String expected = signature(certificate.id(), certificate.userId(), certificate.courseId(), certificate.issuedAt());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                code.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String certificateId, String userId, String courseId, Instant issuedAt) {
        String signed = String.join("\n", "cycube-certificate-v1", certificateId, userId, courseId,
                String.valueOf(issuedAt == null ? null : issuedAt.toEpochMilli()));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
