package com.cycube.notification.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import com.cycube.support.config.DevelopmentSecrets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Endpoints' signing secrets: made ({@code whsec_} and base64 of 24 random bytes, as Standard Webhooks libraries
 * expect), and kept encrypted at rest with AES-256-GCM under {@code cycube.notification.webhooks.secret-key} (the
 * endpoint id bound as associated data, so a secret cannot be copied onto another endpoint). Without a key, or with
 * the published development key, the subgraph refuses to start unless {@code cycube.dev-mode} is on (the local stack):
 * then it uses the development key and warns.
 */
@Component
public class WebhookSecrets {

    /** The public development key (base64 of 32 bytes): anyone can decrypt secrets stored under it. */
    public static final String DEV_KEY = "Y3ljdWJlLWRldi1vbmx5LXdlYmhvb2tzLWtleS0zMmI=";
    static final String KEY_VARIABLE = "CYCUBE_NOTIFICATION_WEBHOOKS_SECRET_KEY";
    static final String PREFIX = "whsec_";
    private static final String FORMAT = "v1:";
    private static final int SECRET_BYTES = 24;
    private static final int IV_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public WebhookSecrets(WebhookProperties properties, @Value("${cycube.dev-mode:false}") boolean devMode) {
        this.key = new SecretKeySpec(checkedKey(properties.secretKey(), devMode), "AES");
    }

    static byte[] checkedKey(String configured, boolean devMode) {
        String key = DevelopmentSecrets.require(configured, DEV_KEY, devMode, "webhook secret key", KEY_VARIABLE,
                "the base64 of 32 random bytes (openssl rand -base64 32)");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException notBase64) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The webhook secret key (" + KEY_VARIABLE + ") must be the base64 of "
                    + "32 random bytes (e.g. openssl rand -base64 32)");
        }
        return bytes;
    }

    /** A new signing secret, shown once to the caller. */
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String encrypt(String endpointId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, endpointId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return FORMAT + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    /** The secret sealed by {@link #encrypt}; fails when it was sealed under another key or for another endpoint. */
    public String decrypt(String endpointId, String sealed) {
        if (sealed == null || !sealed.startsWith(FORMAT)) {
            throw new IllegalStateException("Not a sealed webhook secret");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, IV_BYTES), endpointId);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt the secret of webhook " + endpointId
                    + " (was the secret key changed?)", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String endpointId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
