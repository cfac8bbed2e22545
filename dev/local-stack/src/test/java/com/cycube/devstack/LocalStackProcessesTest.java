package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's process handling, with a stand-in subgraph jar instead of a real (slow) Spring Boot one. */
class LocalStackProcessesTest {

    @TempDir
    Path repo;
    @TempDir
    Path scratch;
    Path jar;

    @BeforeEach
    void aRepositoryWithAFakeIdentityJar() throws IOException {
        Files.createDirectories(repo.resolve("dev/local-stack"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.writeString(repo.resolve("dev/local-stack/pom.xml"), "<project/>");
        TestRepository.withSubgraphList(repo);
        jar = FakeSubgraphJar.write(repo, "identity", scratch);
    }

    private LocalStackBuilder storeAndIdentity() {
        return LocalStack.builder().repositoryRoot(repo).workDirectory(repo.resolve(".cycube-test"))
                .randomPorts().only(List.of("mongo", "identity")).timeout(Duration.ofSeconds(20)).quiet();
    }

    @Test
    void starts_a_subgraph_with_its_environment_and_stops_and_restarts_it() throws Exception {
        try (LocalStack stack = storeAndIdentity().build().start()) {
            String env = get("http://localhost:" + stack.subgraphPort("identity") + "/env");
            assertThat(env)
                    .contains("SERVER_PORT=" + stack.subgraphPort("identity"))
                    .contains("SPRING_MONGODB_URI=" + stack.mongoUri("cycube-identity"))
                    .contains("CYCUBE_SECURITY_ISSUER_URI=" + stack.issuerUri());
            assertThat(stack.isRunning("identity")).isTrue();

            stack.stopSubgraph("identity");
            assertThat(stack.isRunning("identity")).isFalse();
            assertThat(Ports.isFree(stack.subgraphPort("identity"))).isTrue();

            stack.startSubgraph("identity");
            assertThat(get("http://localhost:" + stack.subgraphPort("identity") + "/env")).contains("SERVER_PORT=");
        }
    }

    @Test
    void closing_the_stack_ends_its_processes() throws Exception {
        LocalStack stack = storeAndIdentity().build().start();
        int port = stack.subgraphPort("identity");
        stack.close();
        assertThat(stack.isRunning("identity")).isFalse();
        assertThat(Ports.isFree(port)).isTrue();
        assertThat(Ports.isFree(stack.mongoPort())).isTrue();
    }

    @Test
    void a_subgraph_that_dies_at_start_fails_the_start_with_the_tail_of_its_log() throws Exception {
        Files.writeString(jar.getParent().resolve("fail"), "");
        LocalStack stack = storeAndIdentity().build();

        assertThatThrownBy(stack::start)
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("identity exited with code 3")
                .hasMessageContaining("refusing to start")
                .hasMessageContaining(stack.logFile("identity").toString());
        assertThat(Ports.isFree(stack.mongoPort())).isTrue();
    }

    @Test
    void a_port_in_use_is_reported_before_anything_starts() throws Exception {
        try (var busy = new java.net.ServerSocket(0)) {
            LocalStack stack = storeAndIdentity().subgraphPort("identity", busy.getLocalPort()).build();

            assertThatThrownBy(stack::start).hasMessageContaining("port " + busy.getLocalPort() + " is already in use");
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
