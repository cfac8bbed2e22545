package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.auth.CachingJwtDecoder;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A token is verified on its first request and reused for the next ones, over HTTP and WebSocket alike; what can
 * change while it is valid is checked on every request ({@code LiveAccessTest}: a deactivated person's token is refused
 * from the next request on, the same token that was accepted before).
 */
@SupportIntegrationTest
class TokenVerificationTest {

    private static final String WHOAMI = "{ whoami { subject } }";

    @LocalServerPort
    int port;

    @Autowired
    TokenVerifications verifications;

    @Autowired
    JwtDecoder jwtDecoder;

    @Test
    void a_token_is_verified_once_for_all_its_requests_over_HTTP_and_WebSocket() throws Exception {
        String token = TestTokens.tokenFor(Persona.ACME_TRAINEE);
        GraphQlClient client = GraphQlClient.forPort(port).withToken(token);

        for (int request = 0; request < 3; request++) {
            assertThat(client.execute(WHOAMI).<String>get("data.whoami.subject")).isEqualTo(Persona.ACME_TRAINEE.subject());
        }
        try (GraphQlWsClient socket = GraphQlWsClient.open(port)) {
            socket.connectionInit(Map.of("Authorization", "Bearer " + token));
            assertThat(socket.nextMessage().type()).isEqualTo("connection_ack");
        }

        assertThat(verifications.of(token)).isEqualTo(1);
    }

    @Test
    void a_refused_token_is_verified_again_on_every_request() {
        String forged = TestTokens.forgedTokenFor(Persona.ACME_TRAINEE);
        GraphQlClient client = GraphQlClient.forPort(port).withToken(forged);

        assertThat(client.execute(WHOAMI).status()).isEqualTo(401);
        assertThat(client.execute(WHOAMI).status()).isEqualTo(401);

        assertThat(verifications.of(forged)).isEqualTo(2);
    }

    @Test
    void the_subgraphs_decoder_is_the_caching_one_in_front_of_its_own() {
        assertThat(jwtDecoder).isInstanceOf(CachingJwtDecoder.class);
    }
}
