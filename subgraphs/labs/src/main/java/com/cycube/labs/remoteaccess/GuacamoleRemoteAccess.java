package com.cycube.labs.remoteaccess;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.support.observation.ExternalCalls;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apache Guacamole through its REST API, as an administrator account ({@code cycube.labs.guacamole.*}):
 * <ol>
 *   <li>{@code POST /api/tokens} (form username/password) → {@code authToken} and {@code dataSource};</li>
 *   <li>{@code POST /api/session/data/{dataSource}/connections} → a connection named {@code lab-<id>} to the
 *       VM's address, protocol and port (at most one concurrent session);</li>
 *   <li>{@code PATCH /api/session/data/{dataSource}/users/{ownerId}/permissions} → READ on that connection for
 *       the lab's owner only (Guacamole's OpenID extension signs users in with Keycloak; its username claim must be
 *       {@code sub}, so the Guacamole username is the lab owner's user id);</li>
 *   <li>the client URL {@code <public-url>/#/client/<base64(connectionId NUL "c" NUL dataSource)>}.</li>
 * </ol>
 * {@code close} deletes the connection (404 = already gone). A fresh admin token is fetched per operation:
 * operations are rare (a few per lab) and there is then no token expiry to handle.
 */
public class GuacamoleRemoteAccess implements RemoteAccess {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LabsProperties.Guacamole config;
    private final ObservationRegistry observations;

    public GuacamoleRemoteAccess(LabsProperties.Guacamole config) {
        this(config, ObservationRegistry.NOOP);
    }

    /** Every Guacamole call is a span and a timing ({@code cycube_external_call_seconds{system="guacamole"}}). */
    public GuacamoleRemoteAccess(LabsProperties.Guacamole config, ObservationRegistry observations) {
        this.config = config;
        this.observations = observations;
    }

    @Override
    public RemoteSession open(String labId, String ownerId, LabTemplateDocument template, String address) {
        Token token = token();
        Map<String, Object> connection = Map.of(
                "parentIdentifier", "ROOT",
                "name", "lab-" + labId,
                "protocol", template.protocol().guacamoleName(),
                "parameters", Map.of("hostname", address, "port", Integer.toString(template.port())),
                "attributes", Map.of("max-connections", "1", "max-connections-per-user", "1"));
        JsonNode created = send(HttpRequest.newBuilder(api(token, "/connections"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(connection))).build(), "create connection");
        String connectionId = created.path("identifier").asString();
        List<Map<String, String>> grant = List.of(Map.of("op", "add", "path", "/connectionPermissions/" + connectionId, "value", "READ"));
        send(HttpRequest.newBuilder(api(token, "/users/" + encode(ownerId) + "/permissions"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(grant))).build(), "grant connection");
        return new RemoteSession(connectionId, clientUrl(config.publicUrl(), connectionId, token.dataSource()));
    }

    @Override
    public void close(String connectionId) {
        Token token = token();
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(api(token, "/connections/" + encode(connectionId)))
                .DELETE().build(), "delete connection");
        if (response.statusCode() >= 300 && response.statusCode() != 404) {
            throw new RemoteAccessException("Guacamole delete connection answered HTTP " + response.statusCode(), null);
        }
    }

    /** Guacamole's client identifier: base64 of the connection id, NUL, {@code c} (a connection), NUL, the data source. */
    public static String clientUrl(String publicUrl, String connectionId, String dataSource) {
        String identifier = Base64.getEncoder().encodeToString(
                (connectionId + "\0c\0" + dataSource).getBytes(StandardCharsets.UTF_8));
        return stripSlash(publicUrl) + "/#/client/" + identifier;
    }

    private record Token(String authToken, String dataSource) {
    }

    private Token token() {
        String form = "username=" + encode(config.username()) + "&password=" + encode(config.password());
        JsonNode body = send(HttpRequest.newBuilder(URI.create(stripSlash(config.baseUrl()) + "/api/tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "authenticate");
        String dataSource = config.dataSource() != null && !config.dataSource().isBlank()
                ? config.dataSource() : body.path("dataSource").asString();
        return new Token(body.path("authToken").asString(), dataSource);
    }

    private URI api(Token token, String path) {
        return URI.create(stripSlash(config.baseUrl()) + "/api/session/data/" + encode(token.dataSource()) + path
                + "?token=" + encode(token.authToken()));
    }

    private JsonNode send(HttpRequest request, String what) {
        HttpResponse<String> response = exchange(request, what);
        if (response.statusCode() >= 300) {
            throw new RemoteAccessException("Guacamole " + what + " answered HTTP " + response.statusCode(), null);
        }
        String body = response.body();
        return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        return ExternalCalls.observe(observations, "guacamole", what, () -> call(request, what));
    }

    private HttpResponse<String> call(HttpRequest request, String what) {
        try {
            return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RemoteAccessException("Guacamole " + what + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteAccessException("Interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
