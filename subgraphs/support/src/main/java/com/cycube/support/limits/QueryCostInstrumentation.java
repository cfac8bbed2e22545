package com.cycube.support.limits;

import com.cycube.support.errors.ErrorCode;
import com.cycube.support.errors.RefusalReason;
import com.cycube.support.errors.RefusedOperation;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query cost budget every subgraph enforces: an operation whose {@link QueryCost} is over the budget
 * ({@code cycube.limits.max-query-cost}) is refused before any field runs — nothing is read, nothing is written,
 * a mutation changes nothing. The client gets one error, {@code extensions.code} {@code BAD_USER_INPUT} (the closest
 * of the platform's codes: the request is what has to change), with the computed cost and the budget in the message
 * and in {@code extensions.cost} / {@code extensions.maxCost}. The refusal is a {@link RefusedOperation}, so the audit
 * records it as a denial.
 *
 * <p>The router forwards to each subgraph the part of a client's operation that subgraph answers, so an operation
 * that is too expensive in one subgraph is refused through the router too; a subgraph called directly refuses it
 * the same way.
 */
public class QueryCostInstrumentation extends SimplePerformantInstrumentation {

    private final long budget;

    public QueryCostInstrumentation(long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("cycube.limits.max-query-cost must be at least 1, was " + budget);
        }
        this.budget = budget;
    }

    public long budget() {
        return budget;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        OperationDefinition operation = execution.getOperationDefinition();
        long cost = QueryCost.of(execution.getGraphQLSchema(), execution.getDocument(), operation.getName(),
                execution.getCoercedVariables());
        if (cost > budget) {
            throw RefusedOperation.refuse(execution, ErrorCode.BAD_USER_INPUT, RefusalReason.QUERY_COST_EXCEEDED,
                    refusal(cost, budget));
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static GraphQLError refusal(long cost, long budget) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", ErrorCode.BAD_USER_INPUT.name());
        extensions.put("cost", cost);
        extensions.put("maxCost", budget);
        return GraphqlErrorBuilder.newError()
                .message("The query costs " + cost + ", over the budget of " + budget
                        + ": ask for smaller pages (first) or fewer nested lists, or split it into several queries")
                .errorType(ErrorCode.BAD_USER_INPUT)
                .extensions(extensions)
                .build();
    }
}
