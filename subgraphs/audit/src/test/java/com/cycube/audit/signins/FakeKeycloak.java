package com.cycube.audit.signins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * WireMock answering like Keycloak 26's admin REST API for realm {@code cycube}: the token endpoint (client
 * credentials of {@code cycube-audit-reader}), and {@code /events} and {@code /admin-events} served from the events a
 * test stored, as Keycloak does — at or after {@code dateFrom} (epoch ms), oldest first with {@code direction=asc},
 * then {@code first} and {@code max}. Events of one millisecond come in reverse order of storing, to show that the
 * poller does not rely on any order within a millisecond.
 */
final class FakeKeycloak {

    static final String TOKEN_PATH = "/realms/cycube/protocol/openid-connect/token";
    static final String EVENTS_PATH = "/admin/realms/cycube/events";
    static final String ADMIN_EVENTS_PATH = "/admin/realms/cycube/admin-events";
    static final String SECRET = "audit-reader-test-secret";
    static final String TOKEN = "reader-token-1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> adminEvents = new CopyOnWriteArrayList<>();
    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Stored()));

    FakeKeycloak() {
        server.start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    void stop() {
        server.stop();
    }

    /** Forgets all events and requests; the token endpoint and both event lists answer normally. */
    void reset() {
        server.resetAll();
        events.clear();
        adminEvents.clear();
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo("cycube-audit-reader")).withFormParam("client_secret", equalTo(SECRET))
                .willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        for (String path : List.of(EVENTS_PATH, ADMIN_EVENTS_PATH)) {
            server.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                    .willReturn(aResponse().withTransformers(Stored.NAME)));
        }
    }

    /** Stores a login event as Keycloak would. */
    void event(String id, long time, String type, String userId, String ipAddress, String error, Map<String, String> details) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("time", time);
        event.put("type", type);
        event.put("realmId", "realm-uuid");
        event.put("clientId", "cycube-web");
        event.put("userId", userId);
        event.put("sessionId", userId == null ? null : "session-" + userId);
        event.put("ipAddress", ipAddress);
        event.put("error", error);
        event.put("details", details);
        events.add(event);
    }

    /** Stores an admin event as Keycloak would. */
    void adminEvent(String id, long time, String operation, String resourceType, String resourcePath, String byClient,
                    String byUser, String ipAddress) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("time", time);
        event.put("realmId", "realm-uuid");
        event.put("authDetails", Map.of("realmId", "master-uuid", "clientId", byClient, "userId", byUser,
                "ipAddress", ipAddress));
        event.put("operationType", operation);
        event.put("resourceType", resourceType);
        event.put("resourcePath", resourcePath);
        adminEvents.add(event);
    }

    /** Every request for a stream's path from now on answers {@code status} (until {@link #answerAgain}). */
    StubMapping failWith(String path, int status) {
        return server.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(status)));
    }

    /** Every request for {@code path} answers this fixed body, whatever it asks for. */
    StubMapping alwaysAnswer(String path, List<Map<String, Object>> page) {
        return server.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(okJson(JSON.writeValueAsString(page))));
    }

    void answerAgain(StubMapping stub) {
        server.removeStub(stub);
    }

    /** The login events stored so far, as Keycloak returns them. */
    List<Map<String, Object>> storedEvents() {
        return List.copyOf(events);
    }

    List<LoggedRequest> reads(String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path)));
    }

    int tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).size();
    }

    /** Serves the stored events of the path asked for, filtered and paged like Keycloak. */
    private final class Stored implements ResponseDefinitionTransformerV2 {

        static final String NAME = "keycloak-stored-events";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var request = serveEvent.getRequest();
            List<Map<String, Object>> source = request.getUrl().startsWith(ADMIN_EVENTS_PATH) ? adminEvents : events;
            long from = number(request.queryParameter("dateFrom"), 0);
            int first = (int) number(request.queryParameter("first"), 0);
            int max = (int) number(request.queryParameter("max"), 100);
            List<Map<String, Object>> matching = new ArrayList<>();
            for (int i = source.size() - 1; i >= 0; i--) { // newest stored first within one millisecond
                if (((Number) source.get(i).get("time")).longValue() >= from) {
                    matching.add(source.get(i));
                }
            }
            matching.sort(Comparator.comparingLong(event -> ((Number) event.get("time")).longValue()));
            List<Map<String, Object>> page = matching.subList(Math.min(first, matching.size()),
                    Math.min(first + max, matching.size()));
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(page)).build();
        }

        private static long number(QueryParameter parameter, long otherwise) {
            return parameter == null || !parameter.isPresent() ? otherwise : Long.parseLong(parameter.firstValue());
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
