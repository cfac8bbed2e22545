package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SupportIntegrationTest
class CallerAndRequestIdTest {

    private static final String WHOAMI = "{ whoami { subject kind role organizationId requestId } }";

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
