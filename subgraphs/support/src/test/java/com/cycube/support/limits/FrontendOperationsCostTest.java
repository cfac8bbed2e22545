package com.cycube.support.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The default budget ({@code cycube-subgraph-defaults.yaml}) against what clients really send: every operation of the
 * frontend ({@code client-codegen/operations}) and the end-to-end tests' heaviest queries, costed against the whole
 * client API ({@code schema/api.graphql}) — more than any one subgraph sees of them — with every {@code first} at
 * the largest page. Each must stay under a quarter of the budget.
 */
class FrontendOperationsCostTest {

    private static final Path ROOT = Path.of("../..");
    private static final GraphQLSchema API = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse(read(ROOT.resolve("schema/api.graphql"))), RuntimeWiring.MOCKED_WIRING);

    /** The end-to-end tests' (router/e2e) largest queries, as they send them. */
    private static final List<String> END_TO_END_QUERIES = List.of(
            "{ me { id email displayName role organization { id name } teams { name parent { name } } } }",
            "{ courses(first: 20) { totalCount edges { node { id title author { id displayName } } } } }",
            "{ me { teams { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } }",
            "query($id: ID!) { enrollment(id: $id) { progress { percent completedCubes totalCubes status cubes { cubeId completed } } } }");

    @Test
    void every_frontend_and_end_to_end_operation_costs_under_a_quarter_of_the_default_budget() throws IOException {
        long budget = defaultBudget();
        Map<String, Long> costs = new HashMap<>();
        try (Stream<Path> listed = Files.list(ROOT.resolve("client-codegen/operations"))) {
            List<Path> files = listed.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
            // as the code generator sees them: one document, so an operation may use a fragment of another file
            Document all = Parser.parse(files.stream().map(FrontendOperationsCostTest::read)
                    .collect(java.util.stream.Collectors.joining("\n")));
            for (Path file : files) {
                for (OperationDefinition operation : Parser.parse(read(file)).getDefinitionsOfType(OperationDefinition.class)) {
                    costs.put(file.getFileName() + "#" + operation.getName(), costOf(all, operation));
                }
            }
        }
        for (String query : END_TO_END_QUERIES) {
            Document document = Parser.parse(query);
            costs.put(query, costOf(document, document.getDefinitionsOfType(OperationDefinition.class).get(0)));
        }

        costs.forEach((operation, cost) -> System.out.println("COST " + cost + "\t" + operation));
        assertThat(costs).hasSizeGreaterThan(END_TO_END_QUERIES.size() + 10)
                .allSatisfy((operation, cost) -> assertThat(cost).as(operation).isPositive().isLessThan(budget / 4));
        assertThat(costs.get("SearchCatalog.graphql#SearchCatalog")).as("catalog search, the heaviest").isBetween(2_500L, 3_500L);
    }

    private static long costOf(Document document, OperationDefinition operation) {
        Map<String, Object> variables = new HashMap<>();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            // `first` at the largest page; any other variable just present (its value does not change the cost)
            variables.put(variable.getName(), variable.getName().equals("first") ? 100 : placeholder(variable.getType()));
        }
        return QueryCost.of(API, document, operation.getName(), CoercedVariables.of(variables));
    }

    private static Object placeholder(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return placeholder(nonNull.getType());
        }
        if (type instanceof ListType) {
            return List.of();
        }
        return API.getType(((TypeName) type).getName()) instanceof GraphQLInputObjectType ? Map.of() : "x";
    }

    private static long defaultBudget() {
        YamlPropertiesFactoryBean defaults = new YamlPropertiesFactoryBean();
        defaults.setResources(new ClassPathResource("cycube-subgraph-defaults.yaml"));
        return Long.parseLong(defaults.getObject().getProperty("cycube.limits.max-query-cost"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
