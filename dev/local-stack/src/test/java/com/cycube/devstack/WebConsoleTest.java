package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The web console as the stack serves it: its files, its client routes, /config.json, caching and security headers. */
class WebConsoleTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final WebConsole.Config CONFIG = new WebConsole.Config("http://localhost:41000/graphql",
            "ws://localhost:41000/graphql", "http://localhost:41080/realms/cycube", "cycube-web");
    private static final String INDEX = "<!doctype html><title>CyCube</title><div id=\"app\"></div>";

    @TempDir
    Path repo;
    WebConsole console;

    @BeforeEach
    void aBuiltConsoleInsideARepository() throws IOException {
        Path dist = repo.resolve("web/dist");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(repo.resolve("pom.xml"), "<project>secret</project>");
        Files.writeString(dist.resolve("index.html"), INDEX);
        Files.writeString(dist.resolve("assets/index-Ab12Cd.js"), "console.log('app')");
        Files.writeString(dist.resolve("assets/index-Ef34Gh.css"), "body{margin:0}");
        Files.writeString(dist.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.writeString(dist.resolve("config.json"), "{\"graphqlUrl\":\"http://the-build-time-file/\"}");
        Files.createSymbolicLink(dist.resolve("assets/escape.js"), repo.resolve("pom.xml"));
        console = WebConsole.start(repo.resolve("web/dist"), 0, CONFIG);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void serves_the_build_with_the_content_type_of_each_file() throws Exception {
        assertThat(get("/assets/index-Ab12Cd.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/assets/index-Ab12Cd.css").statusCode()).isEqualTo(404);
        assertThat(get("/assets/index-Ef34Gh.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(get("/favicon.svg").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        HttpResponse<String> index = get("/index.html");
        assertThat(index.body()).isEqualTo(INDEX);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    }

    @Test
    void answers_every_page_of_the_console_with_index_html_but_a_missing_file_with_404() throws Exception {
        // a certificate's verification code is <id>.<signature>: a page, not a file
        for (String page : List.of("/", "/courses/course-linux", "/labs/lab-1/", "/verify",
                "/verify/ec08cdf2-7514-363c-9e31-701cf5745d06.ufMr3s0g6FtFVfFJ3P_IOmU375OSluCv6nn1EEP35c8")) {
            HttpResponse<String> response = get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).isEqualTo(INDEX);
            assertThat(response.headers().firstValue("Content-Type")).as(page).hasValue("text/html; charset=utf-8");
        }
        assertThat(get("/assets/gone-123.js").statusCode()).isEqualTo(404);
        assertThat(get("/robots.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void config_json_names_this_stacks_router_and_keycloak_not_the_file_of_the_build() throws Exception {
        HttpResponse<String> response = get("/config.json");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode config = JsonMapper.builder().build().readTree(response.body());
        assertThat(config.path("graphqlUrl").asString()).isEqualTo("http://localhost:41000/graphql");
        assertThat(config.path("graphqlWsUrl").asString()).isEqualTo("ws://localhost:41000/graphql");
        assertThat(config.path("oidcAuthority").asString()).isEqualTo("http://localhost:41080/realms/cycube");
        assertThat(config.path("oidcClientId").asString()).isEqualTo("cycube-web");
    }

    @Test
    void hashed_assets_are_cached_for_good_and_index_html_never() throws Exception {
        assertThat(get("/assets/index-Ab12Cd.js").headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=31536000, immutable");
        assertThat(get("/index.html").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(get("/courses/course-linux").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(get("/favicon.svg").headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void every_answer_carries_the_security_headers_and_the_policy_allows_connections_to_the_router_and_keycloak_only()
            throws Exception {
        for (String path : List.of("/", "/assets/index-Ab12Cd.js", "/config.json", "/nothing.js")) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
        }
        String policy = get("/").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(directive(policy, "connect-src"))
                .isEqualTo("connect-src 'self' http://localhost:41000 ws://localhost:41000 http://localhost:41080");
        assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(directive(policy, "frame-src")).isEqualTo("frame-src 'none'");
        assertThat(directive(policy, "script-src")).isEqualTo("script-src 'self'");
        assertThat(directive(policy, "default-src")).isEqualTo("default-src 'self'");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void nothing_outside_the_build_is_served_whatever_the_path_says() throws Exception {
        List<String> attempts = List.of("/../pom.xml", "/../../pom.xml", "/assets/../../pom.xml", "/%2e%2e/pom.xml",
                "/%2E%2E/pom.xml", "/..%2fpom.xml", "/assets/..%2f..%2fpom.xml", "/%2e%2e%2fpom.xml", "/..%5cpom.xml",
                "/%252e%252e/pom.xml", "/./../pom.xml", "/assets/escape.js", "/..", "/%2e%2e");
        List<String> served = new ArrayList<>();
        for (String path : attempts) {
            RawResponse response = raw("GET", path);
            if (response.status() != 404 || response.body().contains("secret")) {
                served.add(path + " -> " + response.status());
            }
        }
        assertThat(served).as("paths that were not answered 404").isEmpty();
    }

    @Test
    void only_reading_methods_are_allowed() throws Exception {
        RawResponse post = raw("POST", "/index.html");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers()).containsEntry("allow", "GET, HEAD");
        RawResponse head = raw("HEAD", "/index.html");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void a_missing_build_is_refused_with_the_command_that_builds_it(@TempDir Path empty) {
        assertThatThrownBy(() -> WebConsole.start(empty.resolve("web/dist"), 0, CONFIG))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("the web console is not built")
                .hasMessageContaining("./mvnw -q -B -DskipTests -pl web -am package");
    }

    @Test
    void a_stack_serves_its_console_on_a_free_port_configured_with_its_own_addresses_and_stops_it_on_close()
            throws Exception {
        TestRepository.withSubgraphList(repo);
        LocalStack stack = LocalStack.builder().repositoryRoot(repo).workDirectory(repo.resolve(".cycube-test"))
                .randomPorts().only(List.of("web")).quiet().build().start();
        try {
            assertThat(stack.isRunning(LocalStack.WEB)).isTrue();
            assertThat(stack.consoleUrl()).isEqualTo("http://localhost:" + stack.consolePort());
            HttpResponse<String> config = HTTP.send(HttpRequest.newBuilder(URI.create(stack.consoleUrl() + "/config.json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(config.body()).contains("\"graphqlUrl\":\"" + stack.routerUrl() + "\"")
                    .contains("\"graphqlWsUrl\":\"ws://localhost:" + stack.routerPort() + "/graphql\"")
                    .contains("\"oidcAuthority\":\"" + stack.issuerUri() + "\"");
            assertThat(Main.addresses(stack)).containsEntry("consoleUrl", stack.consoleUrl())
                    .containsEntry("routerUrl", stack.routerUrl()).containsEntry("issuer", stack.issuerUri());
        } finally {
            stack.close();
        }
        assertThat(stack.isRunning(LocalStack.WEB)).isFalse();
        assertThat(Ports.isFree(stack.consolePort())).isTrue();
    }

    @Test
    void a_stack_without_a_built_console_runs_without_it_and_says_how_to_build_it(@TempDir Path bare) throws Exception {
        TestRepository.withSubgraphList(bare);
        List<String> said = new ArrayList<>();
        try (LocalStack stack = LocalStack.builder().repositoryRoot(bare).workDirectory(bare.resolve(".cycube-test"))
                .randomPorts().only(List.of("web")).progress(said::add).build().start()) {
            assertThat(stack.isRunning(LocalStack.WEB)).isFalse();
            assertThat(Main.addresses(stack)).containsEntry("consoleUrl", null);
        }
        assertThat(said).anySatisfy(line -> assertThat(line).contains("web console not served")
                .contains("-pl web -am package"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(console.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";\\s*")) {
            if (directive.startsWith(name + " ")) {
                return directive;
            }
        }
        return null;
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
    }

    /** Sends the request line exactly as written (an HTTP client would normalize or refuse these paths). */
    private RawResponse raw(String method, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), console.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }
}
