package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * The realm file as the subgraphs see it: real tokens from a real Keycloak started by the local stack. Opt-in, since
 * Keycloak needs its 169 MiB distribution and ~15 s per start:
 * {@code mvn -f dev/local-stack/pom.xml test -Dcycube.keycloak.it=true -Dtest=KeycloakRealmIT}.
 */
@EnabledIfSystemProperty(named = "cycube.keycloak.it", matches = "true")
class KeycloakRealmIT {

    static LocalStack stack;

    @BeforeAll
    static void startKeycloak() {
        stack = LocalStack.builder().randomPorts().only(List.of(LocalStack.KEYCLOAK))
                .keycloakTimeout(Duration.ofMinutes(3)).build().start();
    }

    @AfterAll
    static void stopKeycloak() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_trainee_token_carries_the_fixed_id_the_organization_the_role_and_the_audience() {
        JsonNode claims = Tokens.claims(stack.token("trainee@acme.test"));

        assertThat(claims.path("sub").asString()).isEqualTo("00000000-0000-4000-8000-000000000012");
        assertThat(claims.path("org_id").asString()).isEqualTo("org-acme");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("TRAINEE").doesNotContain("MANAGER");
        assertThat(strings(claims.path("aud"))).contains("cycube-api");
        assertThat(claims.path("iss").asString()).isEqualTo(stack.issuerUri());
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
    }

    @Test
    void root_has_no_organization() {
        JsonNode claims = Tokens.claims(stack.token("root@cycube.local"));

        assertThat(claims.path("sub").asString()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(claims.has("org_id")).isFalse();
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("ROOT");
    }

    @Test
    void a_globex_manager_belongs_to_globex() {
        JsonNode claims = Tokens.claims(stack.token("manager@globex.test"));

        assertThat(claims.path("sub").asString()).isEqualTo("00000000-0000-4000-8000-000000000021");
        assertThat(claims.path("org_id").asString()).isEqualTo("org-globex");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("MANAGER");
    }

    @Test
    void the_acme_integration_client_gets_its_organization_and_read_scopes() {
        JsonNode claims = Tokens.claims(stack.clientCredentialsToken("acme-hr-integration", "acme-hr-dev-secret"));

        assertThat(claims.path("org_id").asString()).isEqualTo("org-acme");
        assertThat(strings(claims.path("aud"))).contains("cycube-api");
        assertThat(claims.path("scope").asString().split(" "))
                .contains("org:read", "training:read", "catalog:read").doesNotContain("org:write");
        assertThat(claims.path("azp").asString()).isEqualTo("acme-hr-integration");
    }

    @Test
    void the_identity_admin_client_may_manage_users() {
        JsonNode claims = Tokens.claims(stack.clientCredentialsToken("cycube-identity-admin", "identity-admin-dev-secret"));

        assertThat(strings(claims.path("resource_access").path("realm-management").path("roles")))
                .contains("manage-users", "view-users", "query-users");
    }

    /** A claim that is either one string or an array of strings, as a list. */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asString()));
        } else if (!node.isMissingNode()) {
            values.add(node.asString());
        }
        return values;
    }
}
