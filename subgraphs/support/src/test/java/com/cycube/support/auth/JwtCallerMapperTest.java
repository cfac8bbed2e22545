package com.cycube.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtCallerMapperTest {

    private static Jwt.Builder keycloakToken() {
        return Jwt.withTokenValue("t").header("alg", "RS256")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .subject("00000000-0000-4000-8000-000000000012");
    }

    @Test
    void a_trainee_token_maps_to_a_person_of_its_organization() {
        Caller caller = JwtCallerMapper.toCaller(keycloakToken()
                .claim("realm_access", Map.of("roles", List.of("default-roles-cycube", "TRAINEE")))
                .claim("org_id", "org-acme").claim("email", "trainee@acme.test").claim("name", "Adam Trainee")
                .build());

        assertThat(caller.kind()).isEqualTo(Caller.Kind.PERSON);
        assertThat(caller.role()).contains(Role.TRAINEE);
        assertThat(caller.organizationId()).contains("org-acme");
        assertThat(caller.email()).isEqualTo("trainee@acme.test");
        assertThat(caller.hasRole(Role.MANAGER)).isFalse();
    }

    @Test
    void the_highest_realm_role_wins_and_unknown_roles_are_ignored() {
        Caller caller = JwtCallerMapper.toCaller(keycloakToken()
                .claim("realm_access", Map.of("roles", List.of("TRAINEE", "offline_access", "MANAGER")))
                .claim("org_id", "org-acme").build());

        assertThat(caller.role()).contains(Role.MANAGER);
        assertThat(caller.hasRole(Role.TRAINEE)).as("a manager may also train").isTrue();
    }

    @Test
    void root_never_carries_a_tenant_even_if_the_token_has_one() {
        Caller caller = JwtCallerMapper.toCaller(keycloakToken()
                .claim("realm_access", Map.of("roles", List.of("ROOT"))).claim("org_id", "org-acme").build());

        assertThat(caller.isRoot()).isTrue();
        assertThat(caller.organizationId()).isEmpty();
        assertThat(caller.canAccessOrganization("org-globex")).isTrue();
    }

    @Test
    void a_client_credentials_token_maps_to_an_integration_with_its_scopes_and_organization() {
        Caller caller = JwtCallerMapper.toCaller(keycloakToken()
                .claim("preferred_username", "service-account-acme-hr-integration")
                .claim("azp", "acme-hr-integration")
                .claim("scope", "profile org:read training:read")
                .claim("org_id", "org-acme").build());

        assertThat(caller.isIntegration()).isTrue();
        assertThat(caller.role()).isEmpty();
        assertThat(caller.scopes()).contains("org:read", "training:read");
        assertThat(caller.organizationId()).contains("org-acme");
        assertThat(caller.hasRole(Role.TRAINEE)).as("integrations hold scopes, not roles").isFalse();
    }

    @Test
    void a_person_without_a_platform_role_has_no_role() {
        Caller caller = JwtCallerMapper.toCaller(keycloakToken()
                .claim("realm_access", Map.of("roles", List.of("offline_access"))).build());

        assertThat(caller.role()).isEmpty();
        assertThat(caller.hasRole(Role.TRAINEE)).isFalse();
    }
}
