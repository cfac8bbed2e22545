package com.cycube.support.errors;

import graphql.GraphQLError;
import java.util.List;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;

/**
 * The error a live stream ends with, mapped the same way as a field's ({@link GraphQlExceptionHandler#errorFor}):
 * a {@link DomainException} keeps its code and message (a stream ended because its token expired or its access was
 * revoked says UNAUTHENTICATED); anything else is INTERNAL with an error id, never a stack trace.
 */
public class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable exception) {
        return List.of(GraphQlExceptionHandler.errorFor(exception, null, null));
    }
}
