package com.cycube.testing;

import graphql.language.AbstractDescribedNode;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.Node;
import graphql.language.ScalarTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.StringValue;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a subgraph publishes to the router ({@code _service { sdl }}), parsed — schema text is matched with a parser,
 * never as a string (federation-jvm prints {@code @key(fields : "id", resolvable : true)}). Every subgraph's
 * {@code FederationSchemaTest} checks its entities and descriptions with it.
 */
public final class PublishedSchema {

    /** Types DGS adds to every schema (its error classification), not ours to describe. */
    private static final java.util.Set<String> FRAMEWORK_TYPES = java.util.Set.of("ErrorType", "ErrorDetail");

    private final String sdl;
    private final Document document;

    private PublishedSchema(String sdl) {
        this.sdl = sdl;
        this.document = Parser.parse(sdl);
    }

    public static PublishedSchema of(String sdl) {
        return new PublishedSchema(sdl);
    }

    public String sdl() {
        return sdl;
    }

    /** Each entity type (own or extended) with the {@code fields} of each of its {@code @key}s. */
    public Map<String, List<String>> entityKeys() {
        Map<String, List<String>> keys = new TreeMap<>();
        document.getDefinitionsOfType(ObjectTypeDefinition.class).stream()
                .filter(type -> !(type instanceof ObjectTypeExtensionDefinition))
                .filter(type -> type.hasDirective("key"))
                .forEach(type -> keys.put(type.getName(), type.getDirectives("key").stream()
                        .map(key -> ((StringValue) key.getArgument("fields").getValue()).getValue()).toList()));
        return keys;
    }

    /**
     * Every element without a description: types (the root types excepted), fields, arguments, input fields, enum
     * values and scalars — federation's own {@code _…} elements excepted. GraphiQL shows descriptions as the API docs.
     */
    public List<String> undescribed() {
        List<String> missing = new ArrayList<>();
        for (var definition : document.getDefinitions()) {
            if (definition instanceof graphql.language.NamedNode<?> named && FRAMEWORK_TYPES.contains(named.getName())) {
                continue;
            }
            if (definition instanceof ObjectTypeDefinition type && !type.getName().startsWith("_")) {
                if (!List.of("Query", "Mutation", "Subscription").contains(type.getName())) {
                    check(type, type.getName(), missing);
                }
                for (FieldDefinition field : type.getFieldDefinitions()) {
                    if (!field.getName().startsWith("_")) {
                        check(field, type.getName() + "." + field.getName(), missing);
                        field.getInputValueDefinitions().forEach(argument ->
                                check(argument, type.getName() + "." + field.getName() + "(" + argument.getName() + ")", missing));
                    }
                }
            } else if (definition instanceof InputObjectTypeDefinition input) {
                check(input, input.getName(), missing);
                input.getInputValueDefinitions().forEach(field -> check(field, input.getName() + "." + field.getName(), missing));
            } else if (definition instanceof EnumTypeDefinition enumType && !enumType.getName().startsWith("_")
                    && !enumType.getName().startsWith("link__")) {
                check(enumType, enumType.getName(), missing);
                enumType.getEnumValueDefinitions().forEach(value -> check(value, enumType.getName() + "." + value.getName(), missing));
            } else if (definition instanceof ScalarTypeDefinition scalar && !scalar.getName().startsWith("_")
                    && !scalar.getName().startsWith("link__") && !scalar.getName().startsWith("federation__")) {
                check(scalar, scalar.getName(), missing);
            }
        }
        return missing;
    }

    private static void check(Node<?> node, String name, List<String> missing) {
        if (node instanceof AbstractDescribedNode<?> described
                && (described.getDescription() == null || described.getDescription().getContent().isBlank())) {
            missing.add(name);
        }
    }
}
