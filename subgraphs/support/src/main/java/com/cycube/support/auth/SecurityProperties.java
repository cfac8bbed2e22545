package com.cycube.support.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How subgraphs validate access tokens. Defaults fit the local stack's Keycloak.
 *
 * @param issuerUri  expected {@code iss}; also the base of the default JWKS location
 * @param jwkSetUri  where signing keys are fetched (lazily, so a subgraph starts before Keycloak)
 * @param audience   a value every accepted token must carry in {@code aud}
 */
@ConfigurationProperties("cycube.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience) {

    public SecurityProperties {
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
