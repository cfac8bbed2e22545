package com.cycube.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testing.Persona;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.StringValue;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the router composes: assessment's entities and their keys, as published by {@code _service}. */
class FederationSchemaTest extends AssessmentIntegrationTest {

    @Test
    void assessment_publishes_question_and_certificate_and_extends_cube_and_user_keyed_by_id() {
        String sdl = as(Persona.ACME_TRAINEE, "{ _service { sdl } }").assertNoErrors().get("data._service.sdl");
        Document schema = Parser.parse(sdl);
        Map<String, List<Directive>> keyed = schema.getDefinitionsOfType(ObjectTypeDefinition.class).stream()
                .filter(type -> !(type instanceof ObjectTypeExtensionDefinition))
                .filter(type -> type.hasDirective("key"))
                .collect(Collectors.toMap(ObjectTypeDefinition::getName, type -> type.getDirectives("key")));
        assertThat(keyed).containsOnlyKeys("Question", "Certificate", "Cube", "User");
        keyed.values().forEach(keys -> assertThat(keys).singleElement()
                .satisfies(key -> assertThat(((StringValue) key.getArgument("fields").getValue()).getValue()).isEqualTo("id")));
    }

    @Test
    void every_type_field_and_argument_is_described() {
        String sdl = as(Persona.ACME_TRAINEE, "{ _service { sdl } }").assertNoErrors().get("data._service.sdl");
        Document schema = Parser.parse(sdl);
        schema.getDefinitionsOfType(ObjectTypeDefinition.class).stream()
                .filter(type -> !type.getName().startsWith("_"))
                .forEach(type -> {
                    assertThat(type.getDescription()).as(type.getName()).isNotNull();
                    type.getFieldDefinitions().stream().filter(field -> !field.getName().startsWith("_")).forEach(field -> {
                        assertThat(field.getDescription()).as(type.getName() + "." + field.getName()).isNotNull();
                        field.getInputValueDefinitions().forEach(argument ->
                                assertThat(argument.getDescription()).as(type.getName() + "." + field.getName() + "(" + argument.getName() + ")").isNotNull());
                    });
                });
    }
}
