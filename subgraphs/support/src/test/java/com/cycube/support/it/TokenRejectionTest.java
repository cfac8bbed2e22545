package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@SupportIntegrationTest
class TokenRejectionTest {

    @LocalServerPort
    int port;

    static Stream<Named<Supplier<String>>> badTokens() {
        return Stream.of(
                Named.of("expired", () -> TestTokens.expiredTokenFor(Persona.ACME_MANAGER)),
                Named.of("signed by an untrusted key", () -> TestTokens.forgedTokenFor(Persona.ACME_MANAGER)),
                Named.of("for another audience", () -> TestTokens.tokenWithWrongAudienceFor(Persona.ACME_MANAGER)),
                Named.of("from another issuer", () -> TestTokens.tokenWithWrongIssuerFor(Persona.ACME_MANAGER)),
                Named.of("unsigned (alg none)", () -> TestTokens.unsignedTokenFor(Persona.ACME_MANAGER)),
                Named.of("not a JWT at all", () -> "garbage"));
    }

    @ParameterizedTest(name = "a token {0} is rejected with 401 UNAUTHENTICATED and no data")
    @MethodSource("badTokens")
    void a_bad_token_is_rejected_with_401_UNAUTHENTICATED_and_no_data(Supplier<String> token) {
        GraphQlClient.Response response = GraphQlClient.forPort(port).withToken(token.get()).execute("{ whoami { kind } }");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.<String>get("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(response.members()).doesNotContain("data");
    }

    @ParameterizedTest(name = "a token {0} from a client without graphql-response+json (the router) is refused with 200 and UNAUTHENTICATED")
    @MethodSource("badTokens")
    void a_client_that_accepts_only_json_like_the_router_gets_the_refusal_with_200(Supplier<String> token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token.get())
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ whoami { kind } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        GraphQlClient.Response body = new GraphQlClient.Response(response.statusCode(), response.body());
        assertThat(body.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(body.members()).doesNotContain("data");
    }
}
