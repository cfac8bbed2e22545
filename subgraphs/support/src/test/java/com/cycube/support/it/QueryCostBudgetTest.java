package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The query cost budget as every subgraph has it, over HTTP; this application's budget is 1000. */
@SupportIntegrationTest
class QueryCostBudgetTest {

    /** 1 + (1 + 100 × 2) = 202 per alias. */
    private static final String PAGE_OF_NAMES = "names(count: 3, first: 100) { edges { node cursor } }";

    @LocalServerPort
    int port;

    @RegisterExtension
    final AuditCapture audit = new AuditCapture();
    private final String requestId = "cost-" + UUID.randomUUID();

    @Test
    void a_query_within_the_budget_is_answered() {
        GraphQlClient.Response response = manager().execute("{ " + aliases(4, PAGE_OF_NAMES) + " }"); // 808

        assertThat(response.errorCodes()).isEmpty();
        assertThat(response.<List<?>>get("data.n0.edges")).hasSize(3);
    }

    @Test
    void a_query_over_the_budget_is_refused_with_BAD_USER_INPUT_its_cost_and_the_budget_and_no_data() {
        GraphQlClient.Response response = manager().execute("{ whoami { kind } " + aliases(5, PAGE_OF_NAMES) + " }"); // 1 + 1 + 1010

        // No data at all: a request error, which GraphQL over HTTP answers with 400 (application/graphql-response+json)
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<List<?>>get("errors")).hasSize(1);
        assertThat(response.<String>get("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(response.<String>get("errors[0].message")).startsWith("The query costs 1012, over the budget of 1000");
        assertThat(response.members()).doesNotContain("data");
        assertThat(response.body()).doesNotContain("Exception", "java.");
    }

    @Test
    void a_mutation_over_the_budget_runs_none_of_its_fields() {
        int savedBefore = TestDataFetchers.NOTES_SAVED.get();

        GraphQlClient.Response response = manager().execute("mutation { "
                + aliases(5, "saveNote(input: {title: \"spam\"}) { title similar(first: 100) { id title } }") + " }"); // 5 × 203

        assertThat(response.<String>get("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(TestDataFetchers.NOTES_SAVED.get()).isEqualTo(savedBefore);
    }

    @Test
    void a_refused_operation_is_audited_as_denied_once_per_root_field() {
        manager().execute("{ whoami { kind } " + aliases(5, PAGE_OF_NAMES) + " }");
        manager().execute("mutation { " + aliases(5, "saveNote(input: {title: \"spam\"}) { similar(first: 100) { id title } }") + " }");

        assertThat(auditRecords()).containsExactly(
                "query.whoami DENIED BAD_USER_INPUT", "query.names DENIED BAD_USER_INPUT",
                "mutation.saveNote DENIED BAD_USER_INPUT");
    }

    private static String aliases(int count, String field) {
        return IntStream.range(0, count).mapToObj(i -> "n" + i + ": " + field).collect(Collectors.joining(" "));
    }

    private GraphQlClient manager() {
        return GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).withHeader("x-request-id", requestId);
    }

    private List<String> auditRecords() {
        return audit.ofRequest(requestId).stream()
                .map(record -> record.path("action").asString() + " " + record.path("outcome").asString() + " "
                        + record.path("errorCode").asString())
                .toList();
    }
}
