package com.cycube.support.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How subgraphs validate access tokens. Defaults fit the local stack's Keycloak.
 *
 * @param issuerUri  expected {@code iss}; also the base of the default JWKS location
 * @param jwkSetUri  where signing keys are fetched (lazily, so a subgraph starts before Keycloak)
 * @param audience   a value every accepted token must carry in {@code aud}
 * @param publicPaths request paths (Ant patterns) a subgraph serves without a token besides GraphQL and health, e.g.
 *                    the notification subgraph's one-click unsubscribe; each carries its own proof (a signed token)
 * @param trustedProxies CIDR blocks of the proxies whose {@code X-Forwarded-For} names the client
 *                    ({@link com.cycube.support.context.ClientAddresses}); empty — the default — trusts no forwarding
 *                    header: the audited address is the connection's. In production the router's pods (ADR 5).
 * @param tokenCache  how verified tokens are reused ({@link CachingJwtDecoder}), {@code cycube.security.token-cache.*}
 */
@ConfigurationProperties("cycube.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience, List<String> publicPaths,
                                 List<String> trustedProxies, @DefaultValue TokenCache tokenCache) {

    public SecurityProperties(String issuerUri, String jwkSetUri, String audience) {
        this(issuerUri, jwkSetUri, audience, List.of(), List.of(), TokenCache.DEFAULTS);
    }

    /**
     * Reuse of a token's verification for its following requests ({@link CachingJwtDecoder}); revocation, deactivation
     * and audit still run on every request.
     *
     * @param enabled    remember verified tokens (default true); off, every request's token is verified again
     * @param maxEntries how many tokens are remembered at most (default 10,000)
     * @param maxAge     how long a token is remembered at most, even when it expires later (default 5 minutes): a
     *                   signing key withdrawn from the JWKS stops being honoured within this time
     */
    public record TokenCache(@DefaultValue("true") boolean enabled, @DefaultValue("10000") int maxEntries,
                             @DefaultValue("5m") Duration maxAge) {

        public static final TokenCache DEFAULTS = new TokenCache(true, 10_000, Duration.ofMinutes(5));
    }

    @ConstructorBinding
    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        tokenCache = tokenCache == null ? TokenCache.DEFAULTS : tokenCache;
        if (issuerUri == null || issuerUri.isBlank()) {
            issuerUri = "http://localhost:8180/realms/cycube";
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
        if (audience == null || audience.isBlank()) {
            audience = "cycube-api";
        }
    }
}
