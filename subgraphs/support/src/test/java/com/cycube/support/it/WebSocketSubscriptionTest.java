package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.GraphQlWsClient.Closed;
import com.cycube.testclient.GraphQlWsClient.Message;
import com.cycube.testclient.GraphQlWsClient.Received;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SupportIntegrationTest
class WebSocketSubscriptionTest {

    private static final String TICKS = "subscription { ticks(count: 3) { n subject } }";

    @LocalServerPort
    int port;

    @Test
    void a_token_in_connection_init_authenticates_the_subscription() throws Exception {
        try (GraphQlWsClient socket = GraphQlWsClient.open(port)) {
            assertThat(socket.subprotocol()).isEqualTo("graphql-transport-ws");

            socket.connectionInit(Map.of("Authorization", "Bearer " + TestTokens.tokenFor(Persona.ACME_MANAGER)));
            assertThat(socket.nextMessage().type()).isEqualTo("connection_ack");

            socket.subscribe("1", TICKS);
            for (int n = 1; n <= 3; n++) {
                Message next = socket.nextMessage();
                assertThat(next.type()).as(next.json().toString()).isEqualTo("next");
                assertThat(next.json().path("id").asString()).isEqualTo("1");
                assertThat(next.json().at("/payload/data/ticks/n").asInt()).isEqualTo(n);
                assertThat(next.json().at("/payload/data/ticks/subject").asString()).isEqualTo(Persona.ACME_MANAGER.subject());
            }
            Message complete = socket.nextMessage();
            assertThat(complete.type()).isEqualTo("complete");
            assertThat(complete.json().path("id").asString()).isEqualTo("1");
        }
    }

    @Test
    void an_invalid_token_in_connection_init_closes_the_socket_as_unauthorized() throws Exception {
        try (GraphQlWsClient socket = GraphQlWsClient.open(port)) {
            socket.connectionInit(Map.of("Authorization", "Bearer " + TestTokens.forgedTokenFor(Persona.ACME_MANAGER)));

            assertClosedWithoutAck(socket.receive());
        }
    }

    @Test
    void an_expired_token_in_connection_init_closes_the_socket_as_unauthorized() throws Exception {
        try (GraphQlWsClient socket = GraphQlWsClient.open(port)) {
            socket.connectionInit(Map.of("Authorization", "Bearer " + TestTokens.expiredTokenFor(Persona.ACME_MANAGER)));

            assertClosedWithoutAck(socket.receive());
        }
    }

    /**
     * The server closes with 4401 Unauthorized; a client may see the TCP connection end before it reads that close
     * frame and report 1006. Either way the socket is closed and nothing was acknowledged.
     */
    private static void assertClosedWithoutAck(Received received) {
        assertThat(received).isInstanceOf(Closed.class);
        assertThat(((Closed) received).code()).isIn(4401, 1006);
    }

    @Test
    void without_a_token_a_subscription_needing_authentication_answers_UNAUTHENTICATED() throws Exception {
        try (GraphQlWsClient socket = GraphQlWsClient.open(port)) {
            socket.connectionInit(null);
            assertThat(socket.nextMessage().type()).isEqualTo("connection_ack");

            socket.subscribe("1", TICKS);
            Message result = socket.nextMessage();

            // graphql-transport-ws: a resolver error is a result ("next" with errors), not a protocol "error"
            assertThat(result.type()).as(result.json().toString()).isEqualTo("next");
            assertThat(result.json().path("id").asString()).isEqualTo("1");
            assertThat(result.json().at("/payload/data").isNull()).isTrue();
            assertThat(result.json().at("/payload/errors/0/extensions/code").asString()).isEqualTo("UNAUTHENTICATED");
            assertThat(result.json().toString()).doesNotContain("java.", "Exception");
            assertThat(socket.nextMessage().type()).isEqualTo("complete");
        }
    }
}
