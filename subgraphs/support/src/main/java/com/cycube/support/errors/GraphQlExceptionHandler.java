package com.cycube.support.errors;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Turns every exception thrown while resolving a field into a GraphQL error with
 * {@code extensions.code}. Known domain errors keep their message; anything unexpected becomes
 * INTERNAL with an error id that is logged with the stack trace — the client never sees internals.
 */
public class GraphQlExceptionHandler implements DataFetcherExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphQlExceptionHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters params) {
        GraphQLError error = errorFor(params.getException(), params.getPath(), params.getSourceLocation());
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    /**
     * The one mapping of an exception to what the client sees, for fields and for live streams
     * ({@link SubscriptionErrors}): path and location may be null.
     */
    public static GraphQLError errorFor(Throwable thrown, ResultPath path, SourceLocation location) {
        Throwable exception = unwrap(thrown);
        ErrorCode code;
        String message;
        if (exception instanceof DomainException domain) {
            code = domain.code();
            message = domain.getMessage();
        } else if (exception instanceof AccessDeniedException) {
            code = ErrorCode.FORBIDDEN;
            message = "Access denied";
        } else if (exception instanceof AuthenticationException) {
            code = ErrorCode.UNAUTHENTICATED;
            message = "Authentication required: send a valid access token";
        } else if (exception instanceof DuplicateKeyException) {
            code = ErrorCode.CONFLICT;
            message = "This conflicts with existing data";
        } else if (exception instanceof IllegalArgumentException && isInputCoercion(exception)) {
            code = ErrorCode.BAD_USER_INPUT;
            message = "Invalid input";
        } else {
            String errorId = UUID.randomUUID().toString();
            log.error("Unexpected error {} resolving {}", errorId, path, exception);
            code = ErrorCode.INTERNAL;
            message = "Internal error (id " + errorId + ")";
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError()
                .message(message)
                .extensions(extensions)
                .errorType(code);
        if (path != null) {
            error.path(path);
        }
        if (location != null) {
            error.location(location);
        }
        return error.build();
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while ((current instanceof CompletionException || current.getClass().getName().endsWith("InvocationTargetException"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isInputCoercion(Throwable exception) {
        // Argument conversion failures from DGS (e.g. an unknown enum value in a variable)
        String origin = exception.getStackTrace().length > 0 ? exception.getStackTrace()[0].getClassName() : "";
        return origin.startsWith("com.netflix.graphql.dgs") || origin.startsWith("java.lang.Enum");
    }
}
