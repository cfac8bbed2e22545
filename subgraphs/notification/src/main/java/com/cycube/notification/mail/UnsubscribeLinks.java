package com.cycube.notification.mail;

import com.cycube.notification.NotificationProperties;
import com.cycube.notification.inbox.NotificationKind;
import com.cycube.support.config.DevelopmentSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links (RFC 8058): {@code <public-url>/unsubscribe/<token>}, where the token names the user and
 * the kind of notification and is signed with HMAC-SHA256 under {@code cycube.notification.mail.unsubscribe-key} —
 * the signature is the only proof the link needs (a mail provider posts to it without signing in), and nobody can
 * make one for another user or kind.
 */
@Component
public class UnsubscribeLinks {

    /** The published development value: only the local stack and developers' runs use it (dev mode). */
    public static final String DEV_KEY = "local-development-only-unsubscribe-key-0123456789";
    static final String KEY_VARIABLE = "CYCUBE_NOTIFICATION_MAIL_UNSUBSCRIBE_KEY";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final String publicUrl;

    public UnsubscribeLinks(NotificationProperties properties, @Value("${cycube.dev-mode:false}") boolean devMode) {
        String configured = DevelopmentSecrets.require(properties.mail().unsubscribeKey(), DEV_KEY, devMode,
                "unsubscribe link key", KEY_VARIABLE, "a secret of at least 32 characters");
        if (configured.length() < 32) {
            throw new IllegalStateException("The unsubscribe link key (" + KEY_VARIABLE + ") must be at least 32 characters");
        }
        this.key = configured.getBytes(StandardCharsets.UTF_8);
        this.publicUrl = properties.mail().publicUrl().replaceAll("/+$", "");
    }

    /** Whose e-mails of which kind a valid link stops. */
    public record Target(String userId, NotificationKind kind) {
    }

    public String url(String userId, NotificationKind kind) {
        return publicUrl + "/unsubscribe/" + token(userId, kind);
    }

    String token(String userId, NotificationKind kind) {
        byte[] subject = (userId + "|" + kind.name()).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(subject) + "." + ENCODER.encodeToString(mac(subject));
    }

    /** The target of a token, or empty when it is malformed or its signature does not match. */
    public Optional<Target> verify(String token) {
        try {
            String[] parts = token.split("\\.", -1);
            if (parts.length != 2 || token.length() > 512) {
                return Optional.empty();
            }
            byte[] subject = DECODER.decode(parts[0]);
            if (!MessageDigest.isEqual(mac(subject), DECODER.decode(parts[1]))) {
                return Optional.empty();
            }
            String[] fields = new String(subject, StandardCharsets.UTF_8).split("\\|", -1);
            return fields.length == 2 ? Optional.of(new Target(fields[0], NotificationKind.valueOf(fields[1])))
                    : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(subject);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
