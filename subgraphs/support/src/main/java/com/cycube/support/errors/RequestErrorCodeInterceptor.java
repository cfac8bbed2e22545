package com.cycube.support.errors;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Gives errors of a rejected request (syntax, validation, a variable that does not coerce — no
 * resolver ran, so {@link GraphQlExceptionHandler} never saw them) the {@code BAD_USER_INPUT}
 * code, so every error a client gets carries {@code extensions.code}.
 */
public class RequestErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(RequestErrorCodeInterceptor::withCodes);
    }

    private static WebGraphQlResponse withCodes(WebGraphQlResponse response) {
        ExecutionResult result = response.getExecutionResult();
        if (result.isDataPresent() || result.getErrors().stream().allMatch(RequestErrorCodeInterceptor::hasCode)) {
            return response;
        }
        List<GraphQLError> errors = result.getErrors().stream()
                .map(error -> hasCode(error) ? error : withCode(error, ErrorCode.BAD_USER_INPUT))
                .toList();
        return response.transform(builder -> builder.errors(errors));
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().get("code") != null;
    }

    private static GraphQLError withCode(GraphQLError error, ErrorCode code) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .extensions(extensions);
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        if (error.getErrorType() != null) {
            builder.errorType(error.getErrorType());
        }
        return builder.build();
    }
}
