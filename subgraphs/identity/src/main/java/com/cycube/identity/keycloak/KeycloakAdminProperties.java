package com.cycube.identity.keycloak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Keycloak admin REST API is and how identity authenticates to it (client credentials).
 * The secret has no default: it comes from the environment ({@code CYCUBE_KEYCLOAK_ADMIN_CLIENT_SECRET}).
 */
@ConfigurationProperties("cycube.keycloak.admin")
public record KeycloakAdminProperties(String baseUrl, String realm, String clientId, String clientSecret,
                                      Duration connectTimeout, Duration readTimeout) {

    public KeycloakAdminProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8180" : baseUrl.replaceAll("/+$", "");
        realm = realm == null || realm.isBlank() ? "cycube" : realm;
        clientId = clientId == null || clientId.isBlank() ? "cycube-identity-admin" : clientId;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }
}
