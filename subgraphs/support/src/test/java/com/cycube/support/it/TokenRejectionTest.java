package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
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
}
