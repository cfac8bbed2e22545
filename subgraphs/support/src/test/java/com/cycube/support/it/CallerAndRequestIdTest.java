package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SupportIntegrationTest
class CallerAndRequestIdTest {

    private static final String WHOAMI = "{ whoami { subject kind role organizationId requestId traceParent clientIp } }";
    private static final String GENERATED_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @LocalServerPort
    int port;

    private GraphQlClient graphql;

    @BeforeEach
    void client() {
        graphql = GraphQlClient.forPort(port);
    }

    @Test
    void a_valid_token_is_mapped_to_the_caller_a_resolver_sees() {
        GraphQlClient.Response response = graphql.as(Persona.ACME_MANAGER).execute(WHOAMI);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<String>get("data.whoami.subject")).isEqualTo(Persona.ACME_MANAGER.subject());
        assertThat(response.<String>get("data.whoami.kind")).isEqualTo("PERSON");
        assertThat(response.<String>get("data.whoami.role")).isEqualTo("MANAGER");
        assertThat(response.<String>get("data.whoami.organizationId")).isEqualTo(Persona.ACME);
    }

    @Test
    void a_service_account_token_is_mapped_to_an_integration_client_of_its_organization() {
        GraphQlClient.Response response = graphql.as(Persona.ACME_HR_INTEGRATION).execute(WHOAMI);

        assertThat(response.<String>get("data.whoami.kind")).isEqualTo("INTEGRATION");
        assertThat(response.<String>get("data.whoami.role")).isNull();
        assertThat(response.<String>get("data.whoami.organizationId")).isEqualTo(Persona.ACME);
    }

    @Test
    void the_request_id_sent_by_the_router_is_kept() {
        GraphQlClient.Response response = graphql.as(Persona.ACME_MANAGER).withHeader("x-request-id", "req-from-router-42").execute(WHOAMI);

        assertThat(response.<String>get("data.whoami.requestId")).isEqualTo("req-from-router-42");
    }

    @Test
    void a_request_id_longer_than_128_characters_is_replaced_by_a_generated_one() {
        GraphQlClient.Response response = graphql.withHeader("x-request-id", "r".repeat(129)).execute(WHOAMI);

        assertThat(response.<String>get("data.whoami.requestId")).matches(GENERATED_ID);
    }

    @Test
    void a_request_id_with_characters_outside_letters_digits_and_dot_underscore_colon_dash_is_replaced() {
        for (String hostile : new String[] {"req 42", "req\"},\"outcome\":\"SUCCESS", "${jndi:ldap://x}", "a/b", "<b>"}) {
            GraphQlClient.Response response = graphql.withHeader("x-request-id", hostile).execute(WHOAMI);

            assertThat(response.<String>get("data.whoami.requestId")).as(hostile).matches(GENERATED_ID);
        }
    }

    @Test
    void a_w3c_traceparent_is_kept_in_the_request_context() {
        GraphQlClient.Response response = graphql.withHeader("traceparent", TRACEPARENT).execute(WHOAMI);

        assertThat(response.<String>get("data.whoami.traceParent")).isEqualTo(TRACEPARENT);
    }

    @Test
    void a_traceparent_not_in_the_w3c_format_or_with_zero_ids_is_dropped() {
        for (String invalid : new String[] {"x".repeat(5000), TRACEPARENT + "-and-more", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "{\"forged\": true}"}) {
            GraphQlClient.Response response = graphql.withHeader("traceparent", invalid).execute(WHOAMI);

            assertThat(response.<String>get("data.whoami.traceParent")).as(invalid.substring(0, Math.min(invalid.length(), 60))).isNull();
        }
    }

    @Test
    void the_client_address_is_the_connecting_socket_and_a_client_sent_forwarding_header_is_ignored() {
        GraphQlClient.Response response = graphql.withHeader("x-forwarded-for", "203.0.113.66")
                .withHeader("forwarded", "for=203.0.113.66").withHeader("x-real-ip", "203.0.113.66").execute(WHOAMI);

        assertThat(response.<String>get("data.whoami.clientIp")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void a_request_without_request_id_gets_a_fresh_one() {
        String first = graphql.execute(WHOAMI).get("data.whoami.requestId");
        String second = graphql.execute(WHOAMI).get("data.whoami.requestId");

        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
    }

    @Test
    void a_request_without_token_is_answered_as_anonymous() {
        GraphQlClient.Response response = graphql.execute(WHOAMI);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<String>get("data.whoami.kind")).isEqualTo("ANONYMOUS");
        assertThat(response.<String>get("data.whoami.subject")).isNull();
        assertThat(response.<String>get("data.whoami.organizationId")).isNull();
    }
}
