package com.cycube.audit.checkpoints;

import com.cycube.audit.AuditProperties;
import com.cycube.audit.trail.ChainHash;
import com.cycube.support.config.DevelopmentSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs and checks checkpoints with HMAC-SHA256 under {@code cycube.audit.checkpoint-key} (env
 * {@value #KEY_VARIABLE}). The signed text is {@code cycube-audit-checkpoint/v1}, chain, seq, hash and time
 * (ISO-8601, milliseconds), one per line. The trail's other signed things (the cursors of a verification in steps)
 * are signed under the same key with a first line of their own ({@link #signature(String, String)}), so no
 * signature of one kind is ever valid for another. Only the local stack ({@code cycube.dev-mode=true}) may go without a key,
 * and then signs with the public {@link AuditProperties#DEV_CHECKPOINT_KEY} (a warning says so); anywhere else a
 * missing key, or the public one, stops the start.
 */
@Component
public class CheckpointSigner {

    static final String KEY_VARIABLE = "CYCUBE_AUDIT_CHECKPOINT_KEY";
    private static final String CHECKPOINT = "cycube-audit-checkpoint/v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Autowired
    public CheckpointSigner(AuditProperties properties, @Value("${cycube.dev-mode:false}") boolean devMode) {
        this(checkedKey(properties.checkpointKey(), devMode));
    }

    public CheckpointSigner(String checkpointKey) {
        if (checkpointKey == null || checkpointKey.length() < 32) {
            throw new IllegalStateException("cycube.audit.checkpoint-key (env " + KEY_VARIABLE
                    + ") must be at least 32 characters");
        }
        this.key = new SecretKeySpec(checkpointKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    static String checkedKey(String configured, boolean devMode) {
        return DevelopmentSecrets.require(configured, AuditProperties.DEV_CHECKPOINT_KEY, devMode,
                "audit checkpoint key", KEY_VARIABLE, "a secret of at least 32 characters");
    }

    /** A signed checkpoint of the chain at {@code seq}/{@code hash}, made at {@code at}. */
    public CheckpointDocument sign(String chain, long seq, String hash, Instant at) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        return new CheckpointDocument(CheckpointDocument.idOf(chain, seq), chain, seq, hash, millis,
                signature(chain, seq, hash, millis));
    }

    /** Whether the checkpoint's signature is the one this key makes for its content. */
    public boolean isAuthentic(CheckpointDocument checkpoint) {
        if (checkpoint.signature() == null || checkpoint.at() == null) {
            return false;
        }
        return isAuthentic(CHECKPOINT, content(checkpoint.chain(), checkpoint.seq(), checkpoint.hash(), checkpoint.at()),
                checkpoint.signature());
    }

    private String signature(String chain, long seq, String hash, Instant at) {
        return signature(CHECKPOINT, content(chain, seq, hash, at));
    }

    private static String content(String chain, long seq, String hash, Instant at) {
        return chain + "\n" + seq + "\n" + hash + "\n" + ChainHash.format(at);
    }

    /**
     * The HMAC-SHA256 (lowercase hex) of {@code kind} and {@code content} on lines of their own, under the trail's key.
     *
     * @param kind what is signed and its version, e.g. {@code cycube-audit-verification-cursor/v1}; never the
     *             checkpoints' own
     */
    public String signature(String kind, String content) {
        String text = kind + "\n" + content;
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    /** Whether {@code signature} is the one {@link #signature(String, String)} makes (compared in constant time). */
    public boolean isAuthentic(String kind, String content, String signature) {
        return signature != null && MessageDigest.isEqual(signature(kind, content).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
