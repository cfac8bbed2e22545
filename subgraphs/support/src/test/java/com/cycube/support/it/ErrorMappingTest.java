package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SupportIntegrationTest
class ErrorMappingTest {

    @LocalServerPort
    int port;

    @Test
    void an_unexpected_exception_reaches_the_client_as_INTERNAL_with_an_error_id_and_no_internals() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).execute("{ explode }");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<String>get("errors[0].extensions.code")).isEqualTo("INTERNAL");
        assertThat(response.<String>get("errors[0].message"))
                .matches("Internal error \\(id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\)");
        assertThat(response.<Object>get("data.explode")).isNull();
        assertThat(response.body())
                .doesNotContain("IllegalStateException", "Exception", "java.", "hunter2", TestDataFetchers.SECRET_IN_EXCEPTION,
                        "TestDataFetchers", "\tat ", "stackTrace");
    }

    @Test
    void a_domain_exception_reaches_the_client_with_its_code_and_message() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).execute("{ adminReport }");

        assertThat(response.<String>get("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(response.<String>get("errors[0].message")).isEqualTo("Only root may read the admin report");
        assertThat(response.<List<String>>get("errors[0].path")).containsExactly("adminReport");
        assertThat(response.body()).doesNotContain("DomainException", "java.");
    }

    @Test
    void an_error_is_labelled_with_its_code_only_never_with_a_contradicting_dgs_error_type() {
        GraphQlClient.Response forbidden = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).execute("{ adminReport }");
        GraphQlClient.Response internal = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).execute("{ explode }");

        assertThat(forbidden.<Map<String, Object>>get("errors[0].extensions"))
                .containsOnly(entry("code", "FORBIDDEN"), entry("classification", "FORBIDDEN"));
        assertThat(internal.<Map<String, Object>>get("errors[0].extensions"))
                .containsOnly(entry("code", "INTERNAL"), entry("classification", "INTERNAL"));
    }

    @Test
    void a_mutation_rejecting_its_input_answers_BAD_USER_INPUT() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER)
                .execute("mutation { saveNote(input: {title: \"  \"}) { title } }");

        assertThat(response.<String>get("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(response.<String>get("errors[0].message")).isEqualTo("A note needs a title");
    }

    @Test
    void a_query_the_schema_does_not_allow_is_rejected_as_BAD_USER_INPUT() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).execute("{ whoami { password } }");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<List<String>>get("errors[*].extensions.code")).containsExactly("BAD_USER_INPUT");
        assertThat(response.members()).doesNotContain("data");
    }
}
