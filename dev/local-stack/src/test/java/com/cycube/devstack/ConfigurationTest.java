package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each process of the stack is told, as documented in docs/CONVENTIONS-LOCAL.md. */
class ConfigurationTest {

    private static final Subgraphs SUBGRAPHS = Subgraphs.read(TestRepository.REAL);

    @Test
    void a_subgraph_gets_its_port_database_issuer_demo_data_dev_mode_and_the_local_mailbox() {
        Map<String, String> env = SubgraphProcess.environment(SUBGRAPHS.named("catalog"), 41002, 41018, 41080, 43025);

        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SERVER_PORT", "41002",
                "SERVER_ADDRESS", "127.0.0.1",
                "MANAGEMENT_SERVER_PORT", "41002",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "",
                "SPRING_MONGODB_URI", "mongodb://localhost:41018/cycube-catalog",
                "CYCUBE_SECURITY_ISSUER_URI", "http://localhost:41080/realms/cycube",
                "CYCUBE_DEMO_DATA_ENABLED", "true",
                "CYCUBE_DEV_MODE", "true",
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", "43025"));
    }

    @Test
    void audit_reads_sign_ins_from_the_local_keycloak_with_the_dev_reader_secret() {
        assertThat(SubgraphProcess.environment(SUBGRAPHS.named("audit"), 41008, 41018, 41080, 43025))
                .containsEntry("CYCUBE_AUDIT_KEYCLOAK_BASE_URL", "http://localhost:41080")
                .containsEntry("CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET", "audit-reader-dev-secret")
                .containsEntry("CYCUBE_AUDIT_KEYCLOAK_INTERVAL", "5s");
    }

    @Test
    void notification_links_its_unsubscribe_pages_to_itself_and_may_deliver_webhooks_on_this_laptop() {
        assertThat(SubgraphProcess.environment(SUBGRAPHS.named("notification"), 41007, 41018, 41080, 43025))
                .containsEntry("CYCUBE_NOTIFICATION_PUBLIC_URL", "http://localhost:41007")
                .containsEntry("SMTP_PORT", "43025")
                .containsEntry("CYCUBE_NOTIFICATION_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true")
                .containsEntry("CYCUBE_NOTIFICATION_WEBHOOKS_ALLOW_HTTP", "true");
    }

    @Test
    void identity_also_gets_the_keycloak_admin_api_and_its_dev_secret_and_invitations_are_emailed() {
        Map<String, String> env = SubgraphProcess.environment(SUBGRAPHS.named("identity"), 41001, 41018, 41080, 43025);

        assertThat(env)
                .containsEntry("SPRING_MONGODB_URI", "mongodb://localhost:41018/cycube-identity")
                .containsEntry("CYCUBE_KEYCLOAK_ADMIN_BASE_URL", "http://localhost:41080")
                .containsEntry("CYCUBE_KEYCLOAK_ADMIN_CLIENT_SECRET", "identity-admin-dev-secret")
                .doesNotContainKey("CYCUBE_INVITATIONS_SEND_EMAIL"); // Keycloak sends them, to the local mailbox
    }

    @Test
    void the_subgraphs_and_their_conventional_ports_come_from_the_schema_list() {
        assertThat(SUBGRAPHS.names()).startsWith("identity", "catalog");
        assertThat(SUBGRAPHS.named("identity").defaultPort()).isEqualTo(4001);
        assertThat(SUBGRAPHS.named("catalog").defaultPort()).isEqualTo(4002);
        assertThatThrownBy(() -> SUBGRAPHS.named("nope")).hasMessageContaining("identity");
    }

    @Test
    void a_subgraph_added_to_the_schema_list_is_run_on_the_port_of_its_routing_url() {
        Subgraphs listed = Subgraphs.parse("""
                {"subgraphs": [
                  {"name": "identity", "url": "http://localhost:4001/graphql", "schema": "subgraphs/identity/src/main/resources/schema"},
                  {"name": "lab-runner", "url": "http://localhost:4009/graphql", "schema": "subgraphs/lab-runner/src/main/resources/schema"}
                ]}""");

        assertThat(listed.all()).containsExactly(new Subgraph("identity", 4001), new Subgraph("lab-runner", 4009));
        assertThat(listed.named("identity").usesKeycloakAdmin()).isTrue();
        assertThat(listed.named("lab-runner").usesKeycloakAdmin()).isFalse();
        assertThatThrownBy(() -> Subgraphs.parse("{\"subgraphs\": [{\"name\": \"labs\", \"url\": \"http://labs/graphql\"}]}"))
                .hasMessageContaining("a url with a port");
    }

    @Test
    void a_clone_without_the_schema_list_says_which_file_is_missing(@TempDir Path repo) {
        assertThatThrownBy(() -> LocalStack.builder().repositoryRoot(repo).quiet().build())
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("schema/subgraphs.json");
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
                dir.resolve("cycube-realm.json"), dir.resolve("cycube-realm-dev.json"), 48180, 48190, 43025,
                dir.resolve("keycloak.log"));

        List<String> command = keycloak.command();

        assertThat(command.get(0)).endsWith("home/bin/kc.sh");
        assertThat(command).contains("start-dev", "--db=dev-mem", "--http-port=48180", "--http-management-port=48190",
                "--import-realm");
        assertThat(keycloak.environment()).containsEntry("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m")
                .containsEntry("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                // the realm's ${CYCUBE_WEB_URL} resolves to the local web app
                .containsEntry("CYCUBE_WEB_URL", "http://localhost:5173");
        assertThat(keycloak.issuerUri()).isEqualTo("http://localhost:48180/realms/cycube");
        assertThat(keycloak.tokenEndpoint())
                .isEqualTo("http://localhost:48180/realms/cycube/protocol/openid-connect/token");
    }

    @Test
    void keycloak_is_told_the_origin_of_this_stacks_console_so_a_console_on_a_random_port_may_sign_in(@TempDir Path dir) {
        LocalStackBuilder options = LocalStack.builder().repositoryRoot(TestRepository.REAL).workDirectory(dir)
                .randomPorts().consolePort(45173);
        StackAddresses addresses = StackAddresses.choose(options, TestRepository.REAL, List.of());
        KeycloakServer keycloak = new StackProcesses(addresses, Duration.ofSeconds(1), Map.of(), message -> { })
                .keycloak(dir.resolve("dist"));

        assertThat(keycloak.environment()).containsEntry("CYCUBE_WEB_URL", "http://localhost:45173");
        assertThat(addresses.consoleUrl()).isEqualTo("http://localhost:45173");
        assertThat(StackAddresses.choose(LocalStack.builder(), TestRepository.REAL, List.of()).consoleUrl())
                .as("conventional ports").isEqualTo("http://localhost:5173");
    }

    @Test
    void a_missing_subgraph_jar_says_how_to_build_it(@TempDir Path repo) {
        assertThatThrownBy(() -> SubgraphProcess.locateJar(repo, SUBGRAPHS.named("identity")))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("identity-*-exec.jar")
                .hasMessageContaining("./mvnw");
    }

    @Test
    void random_ports_are_chosen_when_the_stack_is_built(@TempDir Path repo) throws IOException {
        LocalStack stack = LocalStack.builder().repositoryRoot(TestRepository.withSubgraphList(repo)).workDirectory(repo.resolve(".work"))
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
    void conventional_ports_are_the_default(@TempDir Path repo) throws IOException {
        LocalStack stack = LocalStack.builder().repositoryRoot(TestRepository.withSubgraphList(repo)).quiet().build();

        assertThat(stack.routerUrl()).isEqualTo("http://localhost:4000/graphql");
        assertThat(stack.keycloakUrl()).isEqualTo("http://localhost:8180");
        assertThat(stack.mongoUri("cycube-identity")).isEqualTo("mongodb://localhost:27018/cycube-identity");
        assertThat(stack.subgraphUrl("catalog")).isEqualTo("http://127.0.0.1:4002/graphql");
    }

    @Test
    void only_accepts_known_components(@TempDir Path repo) throws IOException {
        TestRepository.withSubgraphList(repo);
        LocalStack stack = LocalStack.builder().repositoryRoot(repo).only(List.of("mongo", "keycloak")).quiet().build();
        assertThat(stack.subgraphNames()).isEmpty();

        assertThatThrownBy(() -> LocalStack.builder().repositoryRoot(repo).only(List.of("mongo", "ldap")).build())
                .hasMessageContaining("unknown component 'ldap'");
    }

    /**
     * The list is the one place that names a subgraph's port; what cannot read it must agree with it: the reactor
     * builds the module, and the subgraph run on its own (from an IDE) listens on the listed port.
     */
    @Test
    void every_listed_subgraph_is_built_by_the_reactor_and_run_alone_on_its_listed_port() throws IOException {
        String reactor = Files.readString(TestRepository.REAL.resolve("pom.xml"));
        for (Subgraph subgraph : SUBGRAPHS.all()) {
            assertThat(reactor).as("root pom.xml modules").contains("<module>subgraphs/" + subgraph.name() + "</module>");
            Path configuration = TestRepository.REAL.resolve(
                    "subgraphs/" + subgraph.name() + "/src/main/resources/application.yaml");
            Matcher port = Pattern.compile("(?m)^server:\\s*\\n(?:\\s+#.*\\n)*\\s+port:\\s*(\\d+)")
                    .matcher(Files.readString(configuration));
            assertThat(port.find()).as(configuration + " sets server.port").isTrue();
            assertThat(Integer.parseInt(port.group(1))).as(configuration + " server.port").isEqualTo(subgraph.defaultPort());
        }
    }
}
