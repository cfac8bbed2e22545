package com.cycube.identity.keycloak;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Wires the real Keycloak admin adapter; tests point {@code cycube.keycloak.admin.base-url} at WireMock. */
@Configuration(proxyBeanMethods = false)
class KeycloakConfiguration {

    @Bean
    IdentityProviderAccounts identityProviderAccounts(KeycloakAdminProperties properties, RestClient.Builder builder, Clock clock) {
        return new KeycloakAdminClient(properties, builder, clock);
    }
}
