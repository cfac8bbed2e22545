package com.cycube.support.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryCostTest {

    private static final String SDL = """
            scalar _Any
            union _Entity = User
            type Query {
                me: User
                members(first: Int, after: String): UserConnection
                tags: [String!]!
                _entities(representations: [_Any!]!): [_Entity]!
            }
            type Mutation { touch: User }
            type User { id: ID! name: String! teams: [Team!]! }
            type Team { id: ID! members(first: Int, after: String): UserConnection children: [Team!]! }
            type UserConnection { edges: [UserEdge!]! pageInfo: PageInfo! totalCount: Int! }
            type UserEdge { cursor: String! node: User! }
            type PageInfo { hasNextPage: Boolean! endCursor: String }
            """;

    private final AtomicInteger fetches = new AtomicInteger();
    private final GraphQLSchema schema = schema();

    @Test
    void every_field_costs_one_and_a_list_of_scalars_costs_one() {
        assertThat(cost("{ me { id name } tags }")).isEqualTo(1 + 2 + 1);
    }

    @Test
    void a_list_without_pagination_multiplies_its_selections_by_ten() {
        assertThat(cost("{ me { teams { id } } }")).isEqualTo(1 + (1 + 10 * 1));
        assertThat(cost("{ me { teams { children { id } } } }")).isEqualTo(1 + (1 + 10 * (1 + 10 * 1)));
    }

    @Test
    void a_connection_multiplies_its_edges_by_first_and_counts_its_total_and_page_info_once() {
        assertThat(cost("{ members(first: 100) { totalCount pageInfo { hasNextPage } edges { node { id teams { id } } } } }"))
                .isEqualTo(1 + 1 + (1 + 1) + (1 + 100 * (1 + 1 + (1 + 10 * 1))));
    }

    @Test
    void first_left_out_is_the_default_page_and_first_beyond_the_maximum_is_the_maximum() {
        assertThat(cost("{ members { edges { node { id } } } }")).isEqualTo(1 + (1 + 20 * 2));
        assertThat(cost("{ members(first: 100000) { edges { node { id } } } }")).isEqualTo(1 + (1 + 100 * 2));
    }

    @Test
    void first_given_in_a_variable_counts_with_its_value() {
        String query = "query($n: Int) { members(first: $n) { edges { node { id } } } }";
        assertThat(QueryCost.of(schema, Parser.parse(query), null, CoercedVariables.of(Map.of("n", 7)))).isEqualTo(1 + (1 + 7 * 2));
    }

    @Test
    void aliases_and_fragments_count_where_they_are_used_and_skipped_fields_do_not_count() {
        assertThat(cost("{ a: me { id } b: me { id } }")).isEqualTo(4);
        assertThat(cost("{ me { ...f } } fragment f on User { id name }")).isEqualTo(3);
        assertThat(cost("{ me { id name @skip(if: true) } }")).isEqualTo(2);
    }

    @Test
    void nested_paginated_lists_multiply() {
        String nested = "{ members(first: 100) { edges { node { teams { members(first: 100) { edges { node { id } } } } } } } }";
        // members → 100 users → 10 teams each (assumed) → 100 members each
        assertThat(cost(nested)).isEqualTo(1 + (1 + 100 * (1 + (1 + 10 * (1 + (1 + 100 * 2))))));
    }

    @Test
    void entities_multiply_by_the_representations_sent_and_typename_is_free() {
        String query = "query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on User { id name } } }";
        List<Map<String, Object>> representations = IntStream.range(0, 50)
                .mapToObj(i -> Map.<String, Object>of("__typename", "User", "id", "u" + i)).toList();
        assertThat(QueryCost.of(schema, Parser.parse(query), null, CoercedVariables.of(Map.of("r", representations))))
                .isEqualTo(1 + 50 * 2);
    }

    @Test
    void introspection_fields_never_multiply() {
        assertThat(cost("{ __schema { types { name fields { name type { name } } } } }")).isEqualTo(7);
    }

    @Test
    void a_cost_too_large_for_a_number_saturates_instead_of_overflowing() {
        String deep = "{ me { teams { " + "children { ".repeat(20) + "id" + " }".repeat(20) + " } } }"; // 10^21 > 2^63
        assertThat(cost(deep)).isEqualTo(Long.MAX_VALUE);
        String wide = "{ " + IntStream.range(0, 3).mapToObj(i -> "a" + i + ": " + deep.substring(2, deep.length() - 2))
                .collect(Collectors.joining(" ")) + " }";
        assertThat(cost(wide)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void an_operation_costing_exactly_the_budget_runs() {
        String exactly = "{ me { teams { id } } " + IntStream.range(0, 10).mapToObj(i -> "a" + i + ": me { id }").collect(Collectors.joining(" ")) + " }";
        assertThat(cost(exactly)).isEqualTo(32);
        assertThat(execute(32, exactly).getErrors()).isEmpty();
    }

    @Test
    void an_operation_one_over_the_budget_is_refused_with_its_cost_and_nothing_runs() {
        String query = "{ me { teams { id } } " + IntStream.range(0, 10).mapToObj(i -> "a" + i + ": me { id }").collect(Collectors.joining(" ")) + " }";
        fetches.set(0);

        ExecutionResult result = execute(31, query);

        assertThat(result.isDataPresent()).isFalse();
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).startsWith("The query costs 32, over the budget of 31");
            assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("cost", 32L)
                    .containsEntry("maxCost", 31L);
        });
        assertThat(fetches).hasValue(0);
    }

    @Test
    void a_mutation_over_the_budget_runs_no_field() {
        fetches.set(0);

        ExecutionResult result = execute(5, "mutation { a: touch { teams { id } } }");

        assertThat(result.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT"));
        assertThat(fetches).hasValue(0);
    }

    private long cost(String query) {
        return QueryCost.of(schema, Parser.parse(query), null, CoercedVariables.emptyVariables());
    }

    private ExecutionResult execute(long budget, String query) {
        GraphQL graphQL = GraphQL.newGraphQL(schema).instrumentation(new QueryCostInstrumentation(budget)).build();
        return graphQL.execute(ExecutionInput.newExecutionInput(query).build());
    }

    private GraphQLSchema schema() {
        Map<String, Object> user = Map.of("id", "u1", "name", "Ada", "teams", List.of(Map.of("id", "t1")));
        DataFetcher<Object> me = env -> {
            fetches.incrementAndGet();
            return user;
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("me", me))
                .type("Mutation", type -> type.dataFetcher("touch", me))
                .type("_Entity", type -> type.typeResolver(env -> env.getSchema().getObjectType("User")))
                .scalar(graphql.scalars.ExtendedScalars.Json.transform(builder -> builder.name("_Any")))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }
}
