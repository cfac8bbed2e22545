package com.cycube.identity;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.AbstractDescribedNode;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.Node;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema is the API documentation: every type, field, argument, enum value and input field is described. */
class SchemaDocumentationTest {

    @Test
    void every_schema_element_has_a_description() throws IOException {
        String sdl;
        try (InputStream in = getClass().getResourceAsStream("/schema/identity.graphqls")) {
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Document document = Parser.parse(sdl);
        List<String> undocumented = new ArrayList<>();
        for (var definition : document.getDefinitions()) {
            if (definition instanceof ObjectTypeDefinition type) {
                boolean rootType = List.of("Query", "Mutation").contains(type.getName());
                if (!rootType) {
                    check(type, type.getName(), undocumented);
                }
                for (FieldDefinition field : type.getFieldDefinitions()) {
                    check(field, type.getName() + "." + field.getName(), undocumented);
                    field.getInputValueDefinitions().forEach(arg -> check(arg, type.getName() + "." + field.getName() + "(" + arg.getName() + ")", undocumented));
                }
            } else if (definition instanceof InputObjectTypeDefinition input) {
                check(input, input.getName(), undocumented);
                input.getInputValueDefinitions().forEach(f -> check(f, input.getName() + "." + f.getName(), undocumented));
            } else if (definition instanceof EnumTypeDefinition enumType) {
                check(enumType, enumType.getName(), undocumented);
                enumType.getEnumValueDefinitions().forEach(v -> check(v, enumType.getName() + "." + v.getName(), undocumented));
            } else if (definition instanceof ScalarTypeDefinition scalar) {
                check(scalar, scalar.getName(), undocumented);
            }
        }
        assertThat(undocumented).isEmpty();
    }

    private static void check(Node<?> node, String name, List<String> undocumented) {
        if (node instanceof AbstractDescribedNode<?> described
                && (described.getDescription() == null || described.getDescription().getContent().isBlank())) {
            undocumented.add(name);
        }
    }
}
