package com.cycube.assessment.questions;

import com.cycube.assessment.AssessmentProperties;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.stereotype.Component;

/**
 * Flags are stored as PBKDF2WithHmacSHA256 hashes with a random salt per question: a copy of the database does not
 * reveal them, and the same flag on two questions hashes differently. Flags are normalized first: surrounding
 * whitespace removed, and lowercased when the question compares case-insensitively.
 */
@Component
public class FlagHasher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;

    @org.springframework.beans.factory.annotation.Autowired
    public FlagHasher(AssessmentProperties properties) {
        this(properties.flags().hashIterations());
    }

    public FlagHasher(int iterations) {
        if (iterations < 1_000) {
            throw new IllegalArgumentException("cycube.assessment.flags.hash-iterations must be at least 1000");
        }
        this.iterations = iterations;
    }

    public static String normalize(String flag, boolean caseInsensitive) {
        String trimmed = flag.strip();
        return caseInsensitive ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }

    /** The key fields of a FLAG question whose flag is {@code flag}. */
    public AnswerKey keyFor(String flag, boolean caseInsensitive) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = hash(normalize(flag, caseInsensitive), salt, iterations);
        return new AnswerKey(java.util.List.of(), Base64.getEncoder().encodeToString(hash),
                Base64.getEncoder().encodeToString(salt), iterations, caseInsensitive, null, null);
    }

    /** Whether {@code answer} is the flag of {@code key} (constant-time comparison of the hashes). */
    public boolean matches(String answer, AnswerKey key) {
        if (answer == null || key.flagHash() == null || key.flagSalt() == null || key.flagIterations() == null) {
            return false;
        }
        String normalized = normalize(answer, key.caseInsensitive());
        if (normalized.isEmpty()) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(key.flagHash());
        byte[] actual = hash(normalized, Base64.getDecoder().decode(key.flagSalt()),
                key.flagIterations());
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] hash(String flag, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(flag.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
