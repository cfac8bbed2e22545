package com.cycube.support.audit;

import graphql.language.ArrayValue;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the resource(s) a top-level mutation field acted on, for the audit record: the values of
 * id-like arguments ({@code id}, {@code *Id}, lists named {@code ids}/{@code *Ids}) at the top level
 * of the field's arguments or of its {@code input} object; for a create (no id in the input) the id
 * of the created object the client selected in the payload. Only id values are ever read — other
 * input values may be secrets (flags, notes) and never reach the audit log — except values that cannot carry text
 * ({@link #changes}): enums, booleans and whole numbers, such as a new role or an active flag.
 */
final class MutationResource {

    private static final String INPUT = "input";
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_IDS = 50;
    private static final int MAX_CHANGES = 20;
    private static final java.util.Set<String> SAFE_SCALARS = java.util.Set.of("Boolean", "Int", "Long");

    private MutationResource() {
    }

    /** {@code name=value} pairs of the id-like arguments of {@code field} as executed; null when none. */
    static String fromArguments(Field field, OperationDefinition operation, Map<String, Object> variables) {
        List<String> parts = new ArrayList<>();
        for (Argument argument : field.getArguments()) {
            Object value = resolve(argument.getValue(), operation, variables);
            if (INPUT.equals(argument.getName()) && value instanceof Map<?, ?> input) {
                input.forEach((name, fieldValue) -> addIfId(String.valueOf(name), fieldValue, parts));
            } else {
                addIfId(argument.getName(), value, parts);
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /**
     * The main resource's type and id, from {@code resource} as {@link #fromArguments} or {@link #fromResult} wrote it:
     * the first id named; its type from the argument's name ({@code userId} → {@code User}) or, for a plain
     * {@code id}, from the mutation's name without its leading verb ({@code archiveCourse} → {@code Course}).
     */
    static AuditRecord.Target target(String mutation, String resource, List<AuditRecord.Change> changes) {
        if (resource == null) {
            return new AuditRecord.Target(null, null, null, changes);
        }
        String first = resource.split(" ", 2)[0];
        int equals = first.indexOf('=');
        String name = first.substring(0, equals);
        String id = first.substring(equals + 1);
        if (name.endsWith("Ids") || name.equals("ids")) {
            id = id.split(",", 2)[0];
            name = name.substring(0, name.length() - 1);
        }
        String type = name.equals("id") ? withoutVerb(mutation) : capitalized(name.substring(0, name.length() - 2));
        return new AuditRecord.Target(resource, type, id, changes);
    }

    /**
     * The values {@code field} set that cannot carry free text — enums, booleans, whole numbers (and lists of them) —
     * at the top level of its arguments or of its {@code input} object, as {@code name → value}; at most
     * {@value #MAX_CHANGES}. The schema says which input fields are of those types; strings and ids never appear.
     */
    static List<AuditRecord.Change> changes(Field field, OperationDefinition operation, Map<String, Object> variables,
                                            GraphQLSchema schema) {
        GraphQLObjectType mutationType = schema == null ? null : schema.getMutationType();
        GraphQLFieldDefinition definition = mutationType == null ? null : mutationType.getFieldDefinition(field.getName());
        if (definition == null) {
            return List.of();
        }
        List<AuditRecord.Change> changes = new ArrayList<>();
        for (Argument argument : field.getArguments()) {
            var argumentDefinition = definition.getArgument(argument.getName());
            if (argumentDefinition == null) {
                continue;
            }
            Object value = resolve(argument.getValue(), operation, variables);
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(argumentDefinition.getType());
            if (INPUT.equals(argument.getName()) && type instanceof GraphQLInputObjectType input
                    && value instanceof Map<?, ?> values) {
                values.forEach((name, fieldValue) -> {
                    GraphQLInputObjectField inputField = input.getField(String.valueOf(name));
                    if (inputField != null) {
                        addIfSafe(String.valueOf(name), inputField.getType(), fieldValue, changes);
                    }
                });
            } else {
                addIfSafe(argument.getName(), argumentDefinition.getType(), value, changes);
            }
        }
        return changes.size() > MAX_CHANGES ? List.copyOf(changes.subList(0, MAX_CHANGES)) : changes;
    }

    private static void addIfSafe(String name, GraphQLInputType type, Object value, List<AuditRecord.Change> changes) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        boolean list = unwrapped instanceof GraphQLList;
        GraphQLType element = GraphQLTypeUtil.unwrapAll(type);
        boolean safe = element instanceof GraphQLEnumType
                || (element instanceof GraphQLScalarType scalar && SAFE_SCALARS.contains(scalar.getName()));
        if (!safe || value == null) {
            return;
        }
        String text = list && value instanceof List<?> values
                ? String.join(",", values.stream().limit(MAX_IDS).map(String::valueOf).toList())
                : String.valueOf(value);
        changes.add(new AuditRecord.Change(name, text.length() > MAX_ID_LENGTH ? text.substring(0, MAX_ID_LENGTH) + "…" : text));
    }

    private static String withoutVerb(String mutation) {
        for (int i = 1; i < mutation.length(); i++) {
            if (Character.isUpperCase(mutation.charAt(i))) {
                return mutation.substring(i);
            }
        }
        return null;
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? null : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * {@code id=value} of the object the mutation returned: the payload itself or the first object one
     * level under it whose {@code id} the client selected (e.g. {@code createTeam { team { id } }}).
     */
    static String fromResult(Field field, Object data) {
        if (!(data instanceof Map<?, ?> root) || !(root.get(field.getResultKey()) instanceof Map<?, ?> payload)) {
            return null;
        }
        String own = selectedId(field, payload);
        if (own != null) {
            return own;
        }
        for (Field child : fields(field)) {
            if (child.getSelectionSet() != null && payload.get(child.getResultKey()) instanceof Map<?, ?> object) {
                String id = selectedId(child, object);
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** The value of the {@code id} field selected (possibly aliased) under {@code field}, read from {@code object}. */
    private static String selectedId(Field field, Map<?, ?> object) {
        for (Field child : fields(field)) {
            if ("id".equals(child.getName()) && child.getSelectionSet() == null) {
                String id = idValue(object.get(child.getResultKey()));
                if (id != null) {
                    return "id=" + id;
                }
            }
        }
        return null;
    }

    private static List<Field> fields(Field field) {
        if (field.getSelectionSet() == null) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        for (Selection<?> selection : field.getSelectionSet().getSelections()) {
            if (selection instanceof Field child) {
                fields.add(child);
            }
        }
        return fields;
    }

    private static void addIfId(String name, Object value, List<String> parts) {
        if (name.equals("id") || name.endsWith("Id")) {
            String id = idValue(value);
            if (id != null) {
                parts.add(name + "=" + id);
            }
        } else if ((name.equals("ids") || name.endsWith("Ids")) && value instanceof List<?> list) {
            List<String> ids = list.stream().limit(MAX_IDS).map(MutationResource::idValue)
                    .filter(id -> id != null).toList();
            if (!ids.isEmpty()) {
                parts.add(name + "=" + String.join(",", ids) + (list.size() > MAX_IDS ? ",…" : ""));
            }
        }
    }

    /** An id is a string (or an integer literal); anything else — objects, booleans — is not recorded. */
    private static String idValue(Object value) {
        if (value instanceof String string && !string.isBlank()) {
            return string.length() > MAX_ID_LENGTH ? string.substring(0, MAX_ID_LENGTH) + "…" : string;
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return null;
    }

    /** Turns an argument's AST value into plain Java values, replacing variable references by the request's variables. */
    private static Object resolve(Value<?> value, OperationDefinition operation, Map<String, Object> variables) {
        if (value instanceof VariableReference reference) {
            String name = reference.getName();
            if (variables != null && variables.containsKey(name)) {
                return variables.get(name);
            }
            return operation.getVariableDefinitions().stream()
                    .filter(definition -> definition.getName().equals(name))
                    .map(VariableDefinition::getDefaultValue)
                    .filter(defaultValue -> defaultValue != null)
                    .map(defaultValue -> resolve(defaultValue, operation, Map.of()))
                    .findFirst().orElse(null);
        }
        if (value instanceof ObjectValue object) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (ObjectField objectField : object.getObjectFields()) {
                map.put(objectField.getName(), resolve(objectField.getValue(), operation, variables));
            }
            return map;
        }
        if (value instanceof ArrayValue array) {
            List<Object> list = new ArrayList<>();
            for (Value<?> element : array.getValues()) {
                list.add(resolve(element, operation, variables));
            }
            return list;
        }
        if (value instanceof StringValue string) {
            return string.getValue();
        }
        if (value instanceof IntValue integer) {
            return integer.getValue();
        }
        if (value instanceof NullValue) {
            return null;
        }
        if (value instanceof graphql.language.BooleanValue bool) {
            return bool.isValue(); // read by changes(), never an id
        }
        if (value instanceof graphql.language.EnumValue constant) {
            return constant.getName(); // read by changes(), never an id (idValue only reads strings of id-named fields)
        }
        return null; // floats: neither ids nor changes
    }
}
