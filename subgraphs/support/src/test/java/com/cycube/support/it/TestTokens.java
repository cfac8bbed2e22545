package com.cycube.support.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints Keycloak-shaped RS256 tokens for the integration tests, valid or broken in one way each.
 * (The shared {@code cycube-subgraph-testing} module has richer helpers but depends on this one.)
 */
final class TestTokens {

    static final String ISSUER = "http://localhost:8180/realms/cycube"; // SecurityProperties' default
    static final String AUDIENCE = "cycube-api";

    static final String MANAGER_SUBJECT = "00000000-0000-4000-8000-000000000011";
    static final String ORGANIZATION = "org-acme";

    private static final RSAKey TRUSTED_KEY = newKey();
    private static final RSAKey STRANGER_KEY = newKey();

    private TestTokens() {
    }

    static RSAPublicKey trustedPublicKey() {
        try {
            return TRUSTED_KEY.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A manager of Acme. */
    static String manager() {
        return sign(claims(MANAGER_SUBJECT, ISSUER, AUDIENCE, inFiveMinutes()), TRUSTED_KEY);
    }

    /** Acme's HR integration client (client-credentials token of a service account). */
    static String integration() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("sa-acme-hr").audience(List.of(AUDIENCE))
                .expirationTime(Date.from(inFiveMinutes()))
                .claim("azp", "acme-hr-integration").claim("client_id", "acme-hr-integration")
                .claim("preferred_username", "service-account-acme-hr-integration")
                .claim("org_id", ORGANIZATION).claim("scope", "org:read training:read")
                .build();
        return sign(claims, TRUSTED_KEY);
    }

    /** Expired well beyond the validator's 60 s clock skew. */
    static String expired() {
        return sign(claims(MANAGER_SUBJECT, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10))), TRUSTED_KEY);
    }

    static String forgedSignature() {
        return sign(claims(MANAGER_SUBJECT, ISSUER, AUDIENCE, inFiveMinutes()), STRANGER_KEY);
    }

    static String wrongAudience() {
        return sign(claims(MANAGER_SUBJECT, ISSUER, "some-other-api", inFiveMinutes()), TRUSTED_KEY);
    }

    static String wrongIssuer() {
        return sign(claims(MANAGER_SUBJECT, "http://evil.example/realms/cycube", AUDIENCE, inFiveMinutes()), TRUSTED_KEY);
    }

    /** The manager's claims with header {@code alg: none} and no signature. */
    static String unsigned() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(claims(MANAGER_SUBJECT, ISSUER, AUDIENCE, inFiveMinutes())
                .toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static JWTClaimsSet claims(String subject, String issuer, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(List.of(audience, "account"))
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", "cycube-web")
                .claim("org_id", ORGANIZATION)
                .claim("email", "manager@acme.test")
                .claim("preferred_username", "manager@acme.test")
                .claim("name", "Alice Manager")
                .claim("realm_access", Map.of("roles", List.of("MANAGER", "default-roles-cycube")))
                .claim("scope", "openid email profile")
                .build();
    }

    private static Instant inFiveMinutes() {
        return Instant.now().plus(Duration.ofMinutes(5));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
