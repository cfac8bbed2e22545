package com.cycube.benchmark;

import com.cycube.devstack.KeycloakServer;
import com.cycube.devstack.LocalStack;
import com.cycube.devstack.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Keycloak accounts for generated members, so that they can sign in and subscribe through the router with tokens
 * of their own: created through the admin API with the identity subgraph's admin client (dev secret, realm-management
 * {@code manage-users}, as {@code inviteMember} does), with the {@code org_id} attribute (mapped to the {@code org_id}
 * claim), the realm role {@code TRAINEE}, a verified e-mail address and a password; then signed in by the password
 * grant of {@code cycube-dev}. The Keycloak id ({@code sub}) is the user id the generated identity events must carry.
 *
 * <p>Before that, {@link #prepareRealm} changes two settings of this throw-away stack's realm through the master
 * realm's bootstrap admin: passwords are hashed with {@value #HASH_ITERATIONS} PBKDF2 iterations instead of Keycloak's
 * 210,000 (creating and signing in hundreds of members otherwise costs minutes of both cores: setup, not what is
 * measured) and access tokens live {@value #TOKEN_LIFESPAN_SECONDS} s instead of 300 s (a subscription ends when its
 * token expires; a browser would reconnect with a fresh token, the benchmark's clients would count as missing).
 */
final class KeycloakUsers {

    static final String ADMIN_CLIENT = "cycube-identity-admin";
    static final String ADMIN_SECRET = "identity-admin-dev-secret";
    /** Meets the realm's password policy (10 characters, not the username or e-mail). */
    static final String PASSWORD = "bench-password-2026";
    static final int HASH_ITERATIONS = 1_000;
    static final int TOKEN_LIFESPAN_SECONDS = 3_600;
    private static final int THREADS = 4;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalStack stack;
    private String adminToken;
    private long adminTokenAt;

    KeycloakUsers(LocalStack stack) {
        this.stack = stack;
    }

    /** The two realm settings of the class comment; returns what was set, for the report. */
    String prepareRealm() throws Exception {
        String master = grant(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token", "grant_type=password"
                + "&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USERNAME + "&password="
                + KeycloakServer.ADMIN_PASSWORD);
        URI realm = URI.create(stack.keycloakUrl() + "/admin/realms/cycube");
        JsonNode before = JSON.readTree(HTTP.send(HttpRequest.newBuilder(realm).header("Authorization", "Bearer " + master)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        String policy = before.path("passwordPolicy").asString("") + " and hashIterations(" + HASH_ITERATIONS + ")";
        HttpResponse<String> updated = HTTP.send(HttpRequest.newBuilder(realm).header("Authorization", "Bearer " + master)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("passwordPolicy", policy, "accessTokenLifespan", TOKEN_LIFESPAN_SECONDS)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (updated.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak refused the realm settings: HTTP " + updated.statusCode() + " "
                    + updated.body());
        }
        return String.format(java.util.Locale.ROOT, "password policy \"%s\", access tokens %d s", policy,
                TOKEN_LIFESPAN_SECONDS);
    }

    private static String grant(String endpoint, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the grant at " + endpoint + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    /** Creates one TRAINEE of {@code organizationId} per e-mail address; returns their Keycloak ids, in order. */
    List<String> create(String organizationId, List<String> emails) throws Exception {
        return inParallel(emails.size(), index -> createOne(organizationId, emails.get(index), index));
    }

    /** One access token per e-mail address (password grant), in order. */
    List<String> tokens(List<String> emails) throws Exception {
        Tokens tokens = new Tokens(stack.tokenEndpoint());
        return inParallel(emails.size(), index -> tokens.password(emails.get(index), PASSWORD));
    }

    private String createOne(String organizationId, String email, int index) throws Exception {
        Map<String, Object> user = Map.of(
                "username", email, "email", email, "enabled", true, "emailVerified", true,
                "firstName", "Bench", "lastName", String.format("Member %05d", index + 1),
                "attributes", Map.of("org_id", List.of(organizationId)),
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        HttpResponse<String> created = admin("POST", "/users", JSON.writeValueAsString(user));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused to create " + email + ": HTTP " + created.statusCode()
                    + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("Keycloak created " + email + " without a Location header"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode available = JSON.readTree(admin("GET", "/users/" + id + "/role-mappings/realm/available", null).body());
        JsonNode trainee = null;
        for (JsonNode role : available) {
            if ("TRAINEE".equals(role.path("name").asString())) {
                trainee = role;
            }
        }
        if (trainee == null) {
            throw new IllegalStateException("Keycloak offers no realm role TRAINEE for " + email);
        }
        HttpResponse<String> mapped = admin("POST", "/users/" + id + "/role-mappings/realm", JSON.writeValueAsString(
                List.of(Map.of("id", trainee.path("id").asString(), "name", "TRAINEE"))));
        if (mapped.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak refused the role TRAINEE for " + email + ": HTTP "
                    + mapped.statusCode() + " " + mapped.body());
        }
        return id;
    }

    private HttpResponse<String> admin(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms/cycube" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The admin client's token, renewed after a minute (it lives 300 s). */
    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > Duration.ofMinutes(1).toNanos()) {
            adminToken = stack.clientCredentialsToken(ADMIN_CLIENT, ADMIN_SECRET);
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    interface Task {
        String run(int index) throws Exception;
    }

    private static List<String> inParallel(int count, Task task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                int i = index;
                results.add(threads.submit(() -> task.run(i)));
            }
            List<String> values = new ArrayList<>();
            for (Future<String> result : results) {
                values.add(result.get());
            }
            return values;
        } finally {
            threads.shutdownNow();
        }
    }
}
