package com.cycube.support.limits;

import com.cycube.support.pagination.PageRequest;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLSchema;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The cost of a GraphQL operation: an estimate, made from the document alone before anything runs, of how many
 * objects and values answering it may take. {@link QueryCostInstrumentation} refuses operations whose cost is over
 * the budget.
 *
 * <p>The model:
 * <ul>
 *   <li>Every field costs 1, plus the cost of its selections times the field's <em>multiplier</em>.</li>
 *   <li>A list field with a {@code first} argument multiplies by {@code first} (unset:
 *       {@link PageRequest#DEFAULT_PAGE_SIZE}; clamped to 1 … {@link PageRequest#MAX_PAGE_SIZE}, the sizes a page
 *       can have).</li>
 *   <li>The list fields of a paginated field ({@code edges}, {@code nodes} of a connection with {@code first})
 *       multiply by that connection's {@code first}; the connection field itself, and its {@code totalCount} and
 *       {@code pageInfo}, count once.</li>
 *   <li>Federation's {@code _entities} multiplies by the number of representations the router sent.</li>
 *   <li>Any other list field (a list without pagination) multiplies by {@link #ASSUMED_LIST_SIZE}.</li>
 *   <li>Every other field multiplies by 1; a list of scalars or enums therefore costs 1.</li>
 *   <li>{@code __typename} is free (the router adds it everywhere; nothing is loaded for it); introspection fields
 *       ({@code __schema}, {@code __type} and below) cost 1 each and never multiply (graphql-java's good-faith
 *       introspection check bounds them).</li>
 *   <li>Fragments count where they are spread; {@code @skip}/{@code @include} are applied; the operation's cost is
 *       the sum of its root fields' costs. Aliases of the same field count once each.</li>
 * </ul>
 * So {@code members(first: 100) { edges { node { id teams { id } } } }} costs
 * {@code 1 + (1 + 100 × (1 + 1 + (1 + 10 × 1)))} = 1,302. Costs are exact integers that saturate at
 * {@link Long#MAX_VALUE}; they never overflow.
 */
public final class QueryCost {

    /**
     * How many items a list without pagination is assumed to hold: such lists are small by design (a course's modules,
     * a module's cubes, a user's teams), and an estimate of 20 priced a plain page of 20 courses with their modules and
     * cubes over the budget.
     */
    public static final int ASSUMED_LIST_SIZE = 10;

    private static final String FIRST = "first";
    private static final String ENTITIES = "_entities";
    private static final String REPRESENTATIONS = "representations";

    private QueryCost() {
    }

    /** The cost of the operation {@code operationName} (null: the document's only one) with these variables. */
    public static long of(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        Map<QueryVisitorFieldEnvironment, Long> selectionCosts = new HashMap<>();
        long[] total = {0};
        QueryTraverser.newQueryTraverser()
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .coercedVariables(variables == null ? CoercedVariables.emptyVariables() : variables)
                .build()
                .visitPostOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        long cost = costOf(field, selectionCosts.getOrDefault(field, 0L));
                        QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
                        if (parent == null) {
                            total[0] = plus(total[0], cost);
                        } else {
                            selectionCosts.merge(parent, cost, QueryCost::plus);
                        }
                    }
                });
        return total[0];
    }

    private static long costOf(QueryVisitorFieldEnvironment field, long selectionCost) {
        String name = field.getField().getName();
        if (field.isTypeNameIntrospectionField() || "__typename".equals(name)) {
            return 0;
        }
        if (name.startsWith("__") || isIntrospectionType(field)) {
            return plus(1, selectionCost);
        }
        return plus(1, times(multiplier(field), selectionCost));
    }

    private static long multiplier(QueryVisitorFieldEnvironment field) {
        if (!isList(field.getFieldDefinition())) {
            return 1;
        }
        if (ENTITIES.equals(field.getField().getName()) && field.getArguments().get(REPRESENTATIONS) instanceof Collection<?> sent) {
            return sent.size();
        }
        if (field.getFieldDefinition().getArgument(FIRST) != null) {
            return pageSize(field.getArguments().get(FIRST));
        }
        QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
        if (parent != null && !isList(parent.getFieldDefinition()) && parent.getFieldDefinition().getArgument(FIRST) != null) {
            return pageSize(parent.getArguments().get(FIRST)); // edges / nodes of a connection
        }
        return ASSUMED_LIST_SIZE;
    }

    private static long pageSize(Object first) {
        if (!(first instanceof Number number)) {
            return PageRequest.DEFAULT_PAGE_SIZE;
        }
        return Math.max(1, Math.min(PageRequest.MAX_PAGE_SIZE, number.longValue()));
    }

    private static boolean isList(GraphQLFieldDefinition definition) {
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
        return type instanceof GraphQLList;
    }

    private static boolean isIntrospectionType(QueryVisitorFieldEnvironment field) {
        return field.getFieldsContainer().getName().startsWith("__");
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum; // both are never negative
    }

    private static long times(long multiplier, long cost) {
        if (multiplier == 0 || cost == 0) {
            return 0;
        }
        return cost > Long.MAX_VALUE / multiplier ? Long.MAX_VALUE : multiplier * cost;
    }
}
