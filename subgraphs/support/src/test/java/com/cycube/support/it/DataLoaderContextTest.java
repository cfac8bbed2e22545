package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SupportIntegrationTest
class DataLoaderContextTest {

    private static final Map<String, ?> THREE_NAMES = Map.of("names", List.of("ada", "grace", "linus"));

    @LocalServerPort
    int port;

    @Test
    void a_batch_loader_sees_the_caller_of_the_request_for_the_whole_batch() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER)
                .execute("query($names: [String!]!) { greetings(names: $names) { name seenBy { subject batchSize } } }", THREE_NAMES);

        assertThat(response.<List<String>>get("data.greetings[*].seenBy.subject"))
                .containsExactly(Persona.ACME_MANAGER.subject(), Persona.ACME_MANAGER.subject(), Persona.ACME_MANAGER.subject());
        assertThat(response.<List<Integer>>get("data.greetings[*].seenBy.batchSize")).containsExactly(3, 3, 3);
    }

    @Test
    void a_batch_loader_sees_the_caller_even_when_keys_were_loaded_without_key_context() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER)
                .execute("query($names: [String!]!) { greetings(names: $names) { seenByWithoutKeyContext { subject batchSize } } }",
                        THREE_NAMES);

        assertThat(response.body()).doesNotContain("\"errors\"");
        assertThat(response.<List<String>>get("data.greetings[*].seenByWithoutKeyContext.subject"))
                .containsExactly(Persona.ACME_MANAGER.subject(), Persona.ACME_MANAGER.subject(), Persona.ACME_MANAGER.subject());
        assertThat(response.<List<Integer>>get("data.greetings[*].seenByWithoutKeyContext.batchSize")).containsExactly(3, 3, 3);
    }

    @Test
    void an_anonymous_request_is_anonymous_in_the_batch_loader_too() {
        GraphQlClient.Response response = GraphQlClient.forPort(port)
                .execute("query($names: [String!]!) { greetings(names: $names) { seenBy { subject } } }", THREE_NAMES);

        assertThat(response.body()).doesNotContain("\"errors\"");
        assertThat(response.<List<String>>get("data.greetings[*].seenBy.subject")).containsExactly(null, null, null);
    }
}
