package com.cycube.support.access;

import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import com.cycube.support.errors.GraphQlExceptionHandler;
import com.cycube.support.errors.RefusedOperation;
import graphql.ExecutionResult;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import reactor.core.publisher.Flux;

/**
 * Applies {@link AccessRevocations} and {@link LiveAccess} to every operation of a subgraph: an operation whose caller
 * no longer has access (expired token, deactivated account or organization, lower role, other organization) is
 * refused before any field runs with UNAUTHENTICATED (audited as denied, like every {@link RefusedOperation}); and the
 * stream a subscription field returns is guarded, so it ends when that access ends.
 */
public class LiveAccessInstrumentation extends SimplePerformantInstrumentation {

    /** The GraphQL-context key of the id of the WebSocket connection a request came over (absent over HTTP). */
    public static final String CONNECTION_KEY = LiveAccessInstrumentation.class.getName() + ".connection";

    private final AccessRevocations revocations;
    private final LiveAccess liveAccess;

    public LiveAccessInstrumentation(AccessRevocations revocations, LiveAccess liveAccess) {
        this.revocations = revocations;
        this.liveAccess = liveAccess;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Optional<DomainException> refusal = revocations.refusal(RequestContext.from(execution.getGraphQLContext()).caller());
        if (refusal.isPresent()) {
            throw RefusedOperation.refuse(execution, ErrorCode.UNAUTHENTICATED, refusal.get().reason(),
                    GraphQlExceptionHandler.errorFor(refusal.get(), null, null));
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        boolean subscriptionRoot = execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                && parameters.getExecutionStepInfo().getPath().getLevel() == 1;
        if (!subscriptionRoot) {
            return dataFetcher;
        }
        return environment -> {
            Object result = dataFetcher.get(environment);
            RequestContext request = RequestContext.from(environment);
            String connection = environment.getGraphQlContext().get(CONNECTION_KEY);
            if (result instanceof Publisher<?> stream) {
                return guarded(request, connection, stream);
            }
            if (result instanceof DataFetcherResult<?> wrapped && wrapped.getData() instanceof Publisher<?> stream) {
                return DataFetcherResult.newResult().data(guarded(request, connection, stream))
                        .errors(wrapped.getErrors()).localContext(wrapped.getLocalContext()).build();
            }
            return result;
        };
    }

    /**
     * The guarded stream; the error it ends with is already what the client gets (the subscription's own errors were
     * mapped by {@code SubscriptionErrors} inside it, this wrapper sits outside of that).
     */
    private Flux<?> guarded(RequestContext request, String connection, Publisher<?> stream) {
        return liveAccess.guard(request.caller(), connection, stream)
                .onErrorMap(DomainException.class, ended -> new SubscriptionPublisherException(
                        List.of(GraphQlExceptionHandler.errorFor(ended, null, null)), ended));
    }
}
