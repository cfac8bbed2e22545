package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each process of the stack is told, as documented in docs/CONVENTIONS-LOCAL.md. */
class ConfigurationTest {

    @Test
    void a_subgraph_gets_its_port_database_issuer_and_demo_data() {
        Map<String, String> env = SubgraphProcess.environment(Subgraph.named("catalog"), 41002, 41018, 41080);

        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SERVER_PORT", "41002",
                "SERVER_ADDRESS", "127.0.0.1",
                "SPRING_MONGODB_URI", "mongodb://localhost:41018/cycube-catalog",
                "CYCUBE_SECURITY_ISSUER_URI", "http://localhost:41080/realms/cycube",
                "CYCUBE_DEMO_DATA_ENABLED", "true"));
    }

    @Test
    void identity_also_gets_the_keycloak_admin_api_and_its_dev_secret() {
        Map<String, String> env = SubgraphProcess.environment(Subgraph.named("identity"), 41001, 41018, 41080);

        assertThat(env)
                .containsEntry("SPRING_MONGODB_URI", "mongodb://localhost:41018/cycube-identity")
                .containsEntry("CYCUBE_KEYCLOAK_ADMIN_BASE_URL", "http://localhost:41080")
                .containsEntry("CYCUBE_KEYCLOAK_ADMIN_CLIENT_SECRET", "identity-admin-dev-secret");
    }

    @Test
    void subgraphs_are_data_with_their_conventional_ports() {
        assertThat(Subgraph.ALL).extracting(Subgraph::name).startsWith("identity", "catalog");
        assertThat(Subgraph.named("identity").defaultPort()).isEqualTo(4001);
        assertThat(Subgraph.named("catalog").defaultPort()).isEqualTo(4002);
        assertThatThrownBy(() -> Subgraph.named("nope")).hasMessageContaining("identity");
    }

    @Test
    void the_router_gets_ports_files_issuer_and_one_url_per_subgraph() {
        Map<String, String> env = RouterEnvironment.of(44000, "/repo/router/router.config.yaml",
                "/repo/schema/supergraph.graphql", "http://localhost:48180/realms/cycube",
                "http://localhost:48180/realms/cycube/protocol/openid-connect/certs",
                Map.of("identity", "http://localhost:44001/graphql", "catalog", "http://localhost:44002/graphql"), "warn");

        assertThat(env)
                .containsEntry("ROUTER_PORT", "44000")
                .containsEntry("PORT", "44000")
                .containsEntry("ROUTER_CONFIG_FILE_PATH", "/repo/router/router.config.yaml")
                .containsEntry("SUPERGRAPH_PATH", "/repo/schema/supergraph.graphql")
                .containsEntry("SUPERGRAPH_FILE_PATH", "/repo/schema/supergraph.graphql")
                .containsEntry("KEYCLOAK_ISSUER", "http://localhost:48180/realms/cycube")
                .containsEntry("KEYCLOAK_JWKS_URL", "http://localhost:48180/realms/cycube/protocol/openid-connect/certs")
                .containsEntry("IDENTITY_URL", "http://localhost:44001/graphql")
                .containsEntry("CATALOG_URL", "http://localhost:44002/graphql")
                .containsEntry("LOG_LEVEL", "warn");
        assertThat(RouterEnvironment.subgraphUrlVariable("lab-runner")).isEqualTo("LAB_RUNNER_URL");
        assertThat(RouterProcess.READINESS_PATH).isEqualTo("/readiness");
    }

    @Test
    void keycloak_starts_in_dev_mode_with_an_in_memory_database_and_the_realm_import(@TempDir Path dir) {
        KeycloakServer keycloak = new KeycloakServer(dir.resolve("dist"), dir.resolve("home"),
                dir.resolve("cycube-realm.json"), 48180, 48190, dir.resolve("keycloak.log"));

        List<String> command = keycloak.command();

        assertThat(command.get(0)).endsWith("home/bin/kc.sh");
        assertThat(command).contains("start-dev", "--db=dev-mem", "--http-port=48180", "--http-management-port=48190",
                "--import-realm");
        assertThat(keycloak.environment()).containsEntry("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m")
                .containsEntry("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        assertThat(keycloak.issuerUri()).isEqualTo("http://localhost:48180/realms/cycube");
        assertThat(keycloak.tokenEndpoint())
                .isEqualTo("http://localhost:48180/realms/cycube/protocol/openid-connect/token");
    }

    @Test
    void a_missing_subgraph_jar_says_how_to_build_it(@TempDir Path repo) {
        assertThatThrownBy(() -> SubgraphProcess.locateJar(repo, Subgraph.named("identity")))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("identity-*-exec.jar")
                .hasMessageContaining("./mvnw");
    }

    @Test
    void random_ports_are_chosen_when_the_stack_is_built(@TempDir Path repo) {
        LocalStack stack = LocalStack.builder().repositoryRoot(repo).workDirectory(repo.resolve(".work"))
                .randomPorts().quiet().build();

        assertThat(List.of(stack.routerPort(), stack.keycloakPort(), stack.mongoPort(), stack.subgraphPort("identity"),
                stack.subgraphPort("catalog"))).doesNotHaveDuplicates()
                .doesNotContain(4000, 8180, 27018, 4001, 4002);
        assertThat(stack.routerUrl()).isEqualTo("http://localhost:" + stack.routerPort() + "/graphql");
        assertThat(stack.jwksUri()).isEqualTo(
                "http://localhost:" + stack.keycloakPort() + "/realms/cycube/protocol/openid-connect/certs");
        assertThat(stack.logFile("identity")).isEqualTo(repo.resolve(".work/logs/identity.log"));
    }

    @Test
    void conventional_ports_are_the_default(@TempDir Path repo) {
        LocalStack stack = LocalStack.builder().repositoryRoot(repo).quiet().build();

        assertThat(stack.routerUrl()).isEqualTo("http://localhost:4000/graphql");
        assertThat(stack.keycloakUrl()).isEqualTo("http://localhost:8180");
        assertThat(stack.mongoUri("cycube-identity")).isEqualTo("mongodb://localhost:27018/cycube-identity");
        assertThat(stack.subgraphUrl("catalog")).isEqualTo("http://127.0.0.1:4002/graphql");
    }

    @Test
    void only_accepts_known_components(@TempDir Path repo) {
        LocalStack stack = LocalStack.builder().repositoryRoot(repo).only(List.of("mongo", "keycloak")).quiet().build();
        assertThat(stack.subgraphNames()).isEmpty();

        assertThatThrownBy(() -> LocalStack.builder().only(List.of("mongo", "ldap")))
                .hasMessageContaining("unknown component 'ldap'");
    }
}
