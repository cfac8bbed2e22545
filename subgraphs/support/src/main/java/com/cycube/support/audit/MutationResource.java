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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the resource(s) a top-level mutation field acted on, for the audit record: the values of
 * id-like arguments ({@code id}, {@code *Id}, lists named {@code ids}/{@code *Ids}) at the top level
 * of the field's arguments or of its {@code input} object; for a create (no id in the input) the id
 * of the created object the client selected in the payload. Only id values are ever read — other
 * input values may be secrets (flags, notes) and never reach the audit log.
 */
final class MutationResource {

    private static final String INPUT = "input";
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_IDS = 50;

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
        return null; // booleans, floats, enums: never ids
    }
}
