package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A subgraph behind the router, which it trusts ({@code cycube.security.trusted-proxies}; here the loopback addresses
 * the tests connect from, in production the router's pods): the client address it audits is the right-most
 * X-Forwarded-For entry that is not a trusted proxy — over HTTP, on a WebSocket (from its handshake), and for a token
 * refused before GraphQL runs. Without trusted proxies nothing of the header is believed:
 * {@code CallerAndRequestIdTest} and {@code ClientAddressOnAProxyingPlatformTest}.
 */
@SupportIntegrationTest
@TestPropertySource(properties = "cycube.security.trusted-proxies=127.0.0.0/8,::1/128")
class ClientAddressBehindTrustedProxyTest {

    private static final String WHOAMI = "{ whoami { clientIp } }";
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

    @LocalServerPort
    int port;

    @RegisterExtension
    final AuditCapture audit = new AuditCapture();
    private final String requestId = "proxied-" + UUID.randomUUID();

    @Test
    void over_http_the_client_is_the_right_most_address_the_trusted_proxy_did_not_write_itself() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER)
                .withHeader("x-forwarded-for", "203.0.113.66, 192.0.2.44, 127.0.0.9").execute(WHOAMI);

        assertThat(response.<String>get("data.whoami.clientIp")).isEqualTo("192.0.2.44");
    }

    @Test
    void an_ipv6_client_is_recorded_as_an_ipv6_address() {
        GraphQlClient.Response response = GraphQlClient.forPort(port)
                .withHeader("x-forwarded-for", "[2001:db8::44]:51234").execute(WHOAMI);

        assertThat(response.<String>get("data.whoami.clientIp")).isEqualTo("2001:db8:0:0:0:0:0:44");
    }

    @Test
    void a_forwarded_for_entry_that_is_not_an_address_leaves_the_connection_as_the_client() {
        GraphQlClient.Response response = GraphQlClient.forPort(port)
                .withHeader("x-forwarded-for", "192.0.2.44, evil.example\"},{\"x").execute(WHOAMI);

        assertThat(response.<String>get("data.whoami.clientIp")).isIn(LOOPBACK);
    }

    @Test
    void other_forwarding_headers_are_never_read() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).withHeader("forwarded", "for=192.0.2.44")
                .withHeader("x-real-ip", "192.0.2.44").withHeader("x-client-ip", "192.0.2.44").execute(WHOAMI);

        assertThat(response.<String>get("data.whoami.clientIp")).isIn(LOOPBACK);
    }

    @Test
    void a_mutation_is_audited_with_the_forwarded_client_address() {
        GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).withHeader("x-request-id", requestId)
                .withHeader("x-forwarded-for", "192.0.2.44").execute("mutation { purgeNotes }");

        assertThat(audit.ofRequest(requestId)).singleElement()
                .satisfies(record -> assertThat(record.path("clientIp").asString()).isEqualTo("192.0.2.44"));
    }

    @Test
    void a_request_refused_for_a_bad_token_is_audited_with_the_forwarded_client_address() {
        GraphQlClient.forPort(port).withToken(TestTokens.forgedTokenFor(Persona.ACME_MANAGER))
                .withHeader("x-request-id", requestId).withHeader("x-forwarded-for", "192.0.2.45").execute(WHOAMI);

        assertThat(audit.ofRequest(requestId)).singleElement().satisfies(record -> {
            assertThat(record.path("action").asString()).isEqualTo("http.POST /graphql");
            assertThat(record.path("clientIp").asString()).isEqualTo("192.0.2.45");
        });
    }

    @Test
    void on_a_websocket_the_client_is_read_from_the_handshake_for_every_operation() throws Exception {
        try (GraphQlWsClient socket = GraphQlWsClient.open(graphQlUrl(), Map.of("X-Forwarded-For", "192.0.2.46"))) {
            socket.connectionInit(Map.of("Authorization", "Bearer " + TestTokens.tokenFor(Persona.ACME_MANAGER),
                    "X-Forwarded-For", "203.0.113.66")); // what the client writes into its payload is not a header

            assertThat(socket.nextMessage().type()).isEqualTo("connection_ack");
            socket.subscribe("1", WHOAMI);
            GraphQlWsClient.Message result = socket.nextMessage();
            assertThat(result.json().at("/payload/data/whoami/clientIp").asString()).as(result.text()).isEqualTo("192.0.2.46");
        }
    }

    @Test
    void a_refused_connection_init_is_audited_with_the_client_address_of_the_handshake() throws Exception {
        try (GraphQlWsClient socket = GraphQlWsClient.open(graphQlUrl(),
                Map.of("X-Forwarded-For", "192.0.2.47", "x-request-id", requestId))) {
            socket.connectionInit(Map.of("Authorization", "Bearer " + TestTokens.forgedTokenFor(Persona.ACME_MANAGER)));
            socket.receive();
        }

        List<JsonNode> records = audit.ofRequest(requestId);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.path("action").asString()).isEqualTo("websocket.connection_init");
            assertThat(record.path("clientIp").asString()).isEqualTo("192.0.2.47");
        });
    }

    private URI graphQlUrl() {
        return URI.create("ws://127.0.0.1:" + port + "/graphql");
    }
}
