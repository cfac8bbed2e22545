package com.cycube.testclient;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.security.interfaces.RSAPublicKey;

/**
 * Mints RS256 access tokens shaped like Keycloak's for the test personas, valid or broken in one way each (expired,
 * forged, wrong audience or issuer, unsigned). A subgraph under test trusts {@link #publicKey()} (the testing module's {@code TestSecurityConfiguration} builds its decoder with the production
 * validators: issuer, audience, expiry).
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8180/realms/cycube";
    public static final String AUDIENCE = "cycube-api";

    private static final RSAKey SIGNING_KEY = newKey();
    private static final RSAKey STRANGER_KEY = newKey();

    private TestTokens() {
    }

    /** The key every token minted here is signed with (tokens from {@link #forgedTokenFor} excepted). */
    public static RSAPublicKey publicKey() {
        try {
            return SIGNING_KEY.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String tokenFor(Persona persona) {
        return sign(claims(persona, Instant.now().plus(Duration.ofMinutes(5)), AUDIENCE), SIGNING_KEY);
    }

    /**
     * A valid token for {@code persona} with additional or replaced claims, e.g. {@code locale}
     * or a changed {@code name}, for code that reads claims beyond the persona's.
     */
    public static String tokenFor(Persona persona, Map<String, Object> extraClaims) {
        JWTClaimsSet base = claims(persona, Instant.now().plus(Duration.ofMinutes(5)), AUDIENCE);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(base);
        extraClaims.forEach(claims::claim);
        return sign(claims.build(), SIGNING_KEY);
    }

    public static String expiredTokenFor(Persona persona) {
        return sign(claims(persona, Instant.now().minus(Duration.ofMinutes(10)), AUDIENCE), SIGNING_KEY);
    }

    /** A well-formed token signed by a key the platform does not trust. */
    public static String forgedTokenFor(Persona persona) {
        return sign(claims(persona, Instant.now().plus(Duration.ofMinutes(5)), AUDIENCE), STRANGER_KEY);
    }

    public static String tokenWithWrongAudienceFor(Persona persona) {
        return sign(claims(persona, Instant.now().plus(Duration.ofMinutes(5)), "some-other-api"), SIGNING_KEY);
    }

    /** Signed by the trusted key, but issued by another realm. */
    public static String tokenWithWrongIssuerFor(Persona persona) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(persona, Instant.now().plus(Duration.ofMinutes(5)), AUDIENCE))
                .issuer("http://evil.example/realms/cycube")
                .build();
        return sign(claims, SIGNING_KEY);
    }

    /** The same claims, header {@code alg: none}, no signature. */
    public static String unsignedTokenFor(Persona persona) {
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims(persona, Instant.now().plus(Duration.ofMinutes(5)), AUDIENCE).toString().getBytes());
        return header + "." + payload + ".";
    }

    private static JWTClaimsSet claims(Persona persona, Instant expiry, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(persona.subject())
                .audience(List.of(audience, "account"))
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", persona.clientId());
        if (persona.organizationId() != null) {
            claims.claim("org_id", persona.organizationId());
        }
        if (persona.isIntegration()) {
            claims.claim("preferred_username", "service-account-" + persona.clientId())
                    .claim("client_id", persona.clientId())
                    .claim("scope", String.join(" ", persona.scopes()));
        } else {
            claims.claim("email", persona.email())
                    .claim("preferred_username", persona.email())
                    .claim("name", persona.name())
                    .claim("realm_access", Map.of("roles", List.of(persona.role(), "default-roles-cycube")))
                    .claim("scope", "openid email profile");
        }
        return claims.build();
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
