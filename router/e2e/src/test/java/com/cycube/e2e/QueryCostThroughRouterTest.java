package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The query cost budget (support library, {@code cycube.limits.max-query-cost}) seen from a client of the router: the
 * router passes each subgraph its part of the operation, the subgraph costs it before running anything, and an
 * operation that would fan out into huge work is refused with {@code BAD_USER_INPUT}, while what the frontend sends
 * is answered.
 */
@ExtendWith(RunningStack.class)
class QueryCostThroughRouterTest {

    /**
     * Every published course with every module's cubes and their content: 1 + (1 + 100 × (1 + (1 + 10 × (1 + 10 × 5))))
     * = 51,202. (Two aliases of a cheaper selection would not do: the router asks the subgraph for identical fields
     * once.)
     */
    private static final String EVERY_CUBE_OF_EVERY_COURSE =
            "{ courses(first: 100) { edges { node { modules { cubes { id kind title content estimatedMinutes } } } } } }";

    private final LocalStack stack;

    QueryCostThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void a_query_that_fans_out_over_the_budget_is_refused_through_the_router_with_BAD_USER_INPUT_and_its_cost() {
        GraphQlClient.Response reply = as("manager@acme.test").execute(EVERY_CUBE_OF_EVERY_COURSE);

        assertThat(reply.errorCodes()).as(reply.toString()).containsExactly("BAD_USER_INPUT");
        assertThat(reply.<String>get("errors[0].message")).as(reply.toString())
                .startsWith("The query costs 51202, over the budget of 25000");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("127.0.0.1");
    }

    @Test
    void the_trainee_dashboard_the_frontend_sends_is_answered_at_the_largest_page() throws IOException {
        Path root = Path.of(System.getProperty("cycube.repository.root", "../.."));
        String dashboard = Files.readString(root.resolve("client-codegen/operations/Dashboard.graphql"));

        GraphQlClient.Response reply = as("trainee@acme.test").execute(dashboard, Map.of("first", 100));

        reply.assertNoErrors();
        assertThat(reply.<String>get("data.me.displayName")).isEqualTo("Adam Trainee");
    }

    private GraphQlClient as(String user) {
        return GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token(user));
    }
}
