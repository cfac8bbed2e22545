package com.cycube.support.audit;

import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.ErrorCode;
import com.cycube.support.errors.RefusedOperation;
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
import graphql.language.Selection;
import graphql.schema.GraphQLSchema;
import java.time.Clock;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Audits every mutation field (success, failure or denial) and every denied query field, once,
 * after execution — so no resolver has to remember to do it. An operation refused as a whole
 * ({@link RefusedOperation}: revoked access, over the cost budget) ran no field: each of its root fields is audited
 * once as denied with the refusal's code, message ({@code The account is deactivated}) and reason
 * ({@code ACCOUNT_DEACTIVATED}).
 */
public class AuditInstrumentation extends SimplePerformantInstrumentation {

    private static final String OPERATION_KEY = AuditInstrumentation.class.getName() + ".operation";

    private final AuditLog auditLog;
    private final String service;
    private final Clock clock;

    public AuditInstrumentation(AuditLog auditLog, String service, Clock clock) {
        this.auditLog = auditLog;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        parameters.getExecutionContext().getGraphQLContext().put(OPERATION_KEY, parameters.getExecutionContext().getOperationDefinition());
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        GraphQLContext context = parameters.getGraphQLContext();
        RefusedOperation refusal = context == null ? null : context.get(RefusedOperation.KEY);
        OperationDefinition operation = context == null ? null : context.get(OPERATION_KEY);
        if (refusal != null) {
            auditRefusal(refusal, result.getErrors(), RequestContext.from(context));
        } else if (operation != null) {
            RequestContext request = RequestContext.from(context);
            if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
                auditMutationFields(operation, result, parameters.getExecutionInput().getVariables(), parameters.getSchema(),
                        request);
            } else {
                auditDenials(operation, result.getErrors(), request);
            }
        }
        return CompletableFuture.completedFuture(result);
    }

    private void auditMutationFields(OperationDefinition operation, ExecutionResult result, Map<String, Object> variables,
                                     GraphQLSchema schema, RequestContext request) {
        List<GraphQLError> errors = result.getErrors();
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field field) {
                String responseKey = field.getResultKey();
                GraphQLError error = errors.stream().filter(e -> startsAt(e, responseKey)).findFirst().orElse(null);
                String code = error == null ? null : codeOf(error);
                AuditRecord.Outcome outcome = error == null ? AuditRecord.Outcome.SUCCESS
                        : isDenial(code) ? AuditRecord.Outcome.DENIED : AuditRecord.Outcome.FAILURE;
                String resource = MutationResource.fromArguments(field, operation, variables);
                if (resource == null && outcome == AuditRecord.Outcome.SUCCESS) {
                    resource = MutationResource.fromResult(field, result.getData());
                }
                AuditRecord.Target target = MutationResource.target(field.getName(), resource,
                        MutationResource.changes(field, operation, variables, schema));
                auditLog.record(record(request, "mutation." + field.getName(), target, outcome, code,
                        outcome == AuditRecord.Outcome.DENIED ? error.getMessage() : null));
            }
        }
    }

    private void auditRefusal(RefusedOperation refusal, List<GraphQLError> errors, RequestContext request) {
        String detail = errors.isEmpty() ? null : errors.get(0).getMessage(); // e.g. "The account is deactivated"
        OperationDefinition operation = refusal.operation();
        String type = operation.getOperation().name().toLowerCase();
        Set<String> fields = new LinkedHashSet<>(); // thirty aliases of one field are one record
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field field) {
                fields.add(field.getName());
            }
        }
        if (fields.isEmpty()) {
            fields.add("*"); // root fields only in fragments
        }
        for (String field : fields) {
            auditLog.record(AuditRecord.of(clock.instant(), service, request, type + "." + field,
                    AuditRecord.Target.NONE, AuditRecord.Outcome.DENIED, refusal.code().name(), detail, refusal.reason()));
        }
    }

    private void auditDenials(OperationDefinition operation, List<GraphQLError> errors, RequestContext request) {
        for (GraphQLError error : errors) {
            String code = codeOf(error);
            if (isDenial(code)) {
                String path = error.getPath() == null ? "" : String.join(".", error.getPath().stream().map(Objects::toString).toList());
                auditLog.record(record(request, operation.getOperation().name().toLowerCase() + "." + path,
                        AuditRecord.Target.NONE, AuditRecord.Outcome.DENIED, code, error.getMessage()));
            }
        }
    }

    private AuditRecord record(RequestContext request, String action, AuditRecord.Target target,
                               AuditRecord.Outcome outcome, String code, String detail) {
        return AuditRecord.of(clock.instant(), service, request, action, target, outcome, code, detail);
    }

    private static boolean startsAt(GraphQLError error, String responseKey) {
        return error.getPath() != null && !error.getPath().isEmpty() && responseKey.equals(error.getPath().get(0));
    }

    private static String codeOf(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        return code == null ? null : code.toString();
    }

    private static boolean isDenial(String code) {
        return ErrorCode.FORBIDDEN.name().equals(code) || ErrorCode.UNAUTHENTICATED.name().equals(code);
    }
}
