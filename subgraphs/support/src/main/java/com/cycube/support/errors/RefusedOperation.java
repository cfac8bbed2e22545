package com.cycube.support.errors;

import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.language.OperationDefinition;
import java.util.List;

/**
 * An operation refused as a whole before any field ran (revoked access, over the cost budget): the one way an
 * instrumentation refuses, so the audit ({@code AuditInstrumentation}) records each of its root fields as denied with
 * the refusal's code.
 *
 * @param operation the refused operation
 * @param code      the code the client got
 * @param reason    why, for machines (the audit record's {@code reason}); null when the code says it all
 */
public record RefusedOperation(OperationDefinition operation, ErrorCode code, RefusalReason reason) {

    /** The GraphQL-context key of the refusal. */
    public static final String KEY = RefusedOperation.class.getName();

    /** Records the refusal in the execution's context and returns the exception that ends it with {@code error}. */
    public static AbortExecutionException refuse(ExecutionContext execution, ErrorCode code, RefusalReason reason,
                                                 GraphQLError error) {
        execution.getGraphQLContext().put(KEY, new RefusedOperation(execution.getOperationDefinition(), code, reason));
        return new AbortExecutionException(List.of(error));
    }
}
