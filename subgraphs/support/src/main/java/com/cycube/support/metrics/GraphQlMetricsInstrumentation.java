package com.cycube.support.metrics;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * GraphQL requests as Prometheus sees them, for every subgraph:
 * <ul>
 *   <li>{@code cycube_graphql_requests_total{operation,code}} — one per request; {@code code} is the first error's
 *       {@code extensions.code}, {@code OK} without errors;</li>
 *   <li>{@code cycube_graphql_errors_total{operation,code}} — one per error;</li>
 *   <li>{@code cycube_graphql_request_seconds{operation}} — latency histogram.</li>
 * </ul>
 * {@code operation} is the operation's name, or its root fields when it has none (as from the router), {@code anonymous}
 * when neither is known. Names are
 * client input, so they are bounded: only {@value #NAME_PATTERN} and at most {@value #MAX_OPERATIONS} distinct names per
 * instance, the rest counted as {@code other} — a client cannot blow up the metrics with made-up names.
 */
public class GraphQlMetricsInstrumentation extends SimplePerformantInstrumentation {

    static final String NAME_PATTERN = "[A-Za-z_][A-Za-z0-9_]{0,63}";
    static final int MAX_OPERATIONS = 200;
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    private static final String OPERATION_KEY = GraphQlMetricsInstrumentation.class.getName() + ".operation";

    private final MeterRegistry registry;
    private final Set<String> operations = ConcurrentHashMap.newKeySet();

    public GraphQlMetricsInstrumentation(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        long started = System.nanoTime();
        GraphQLContext context = parameters.getGraphQLContext();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            String named = context == null ? null : context.get(OPERATION_KEY);
            String operation = operationTag(named != null ? named : parameters.getOperation());
            Timer.builder("cycube.graphql.request").tag("operation", operation).publishPercentileHistogram()
                    .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            String code = failure != null ? "INTERNAL" : "OK";
            if (result != null && !result.getErrors().isEmpty()) {
                code = codeOf(result.getErrors().get(0));
                for (GraphQLError error : result.getErrors()) {
                    registry.counter("cycube.graphql.errors", "operation", operation, "code", codeOf(error)).increment();
                }
            }
            registry.counter("cycube.graphql.requests", "operation", operation, "code", code).increment();
        });
    }

    /**
     * The operation's name from the document; without one — Hive Router sends subgraphs unnamed operations — its root
     * fields ({@code me}, {@code _entities}, {@code courses_me}), so the label still says what was asked.
     */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        String name = operation.getName() != null ? operation.getName() : rootFields(operation);
        if (name != null) {
            parameters.getExecutionContext().getGraphQLContext().put(OPERATION_KEY, name);
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static String rootFields(OperationDefinition operation) {
        String fields = operation.getSelectionSet().getSelections().stream()
                .filter(Field.class::isInstance).map(selection -> ((Field) selection).getName())
                .filter(field -> !field.equals("__typename")).distinct().sorted().collect(Collectors.joining("_"));
        return fields.isEmpty() ? null : fields.substring(0, Math.min(64, fields.length()));
    }

    String operationTag(String requested) {
        if (requested == null || requested.isBlank()) {
            return "anonymous";
        }
        if (!NAME.matcher(requested).matches()) {
            return "other";
        }
        if (operations.contains(requested) || (operations.size() < MAX_OPERATIONS && operations.add(requested))) {
            return requested;
        }
        return "other";
    }

    private static String codeOf(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        if (code instanceof String text && NAME.matcher(text).matches()) {
            return text;
        }
        return error.getErrorType() == null ? "UNKNOWN" : error.getErrorType().toString();
    }
}
