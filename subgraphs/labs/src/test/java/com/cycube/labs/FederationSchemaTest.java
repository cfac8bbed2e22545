package com.cycube.labs;

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

/** What the router composes: the labs' entities and their keys, as published by {@code _service}. */
class FederationSchemaTest extends LabsIntegrationTest {

    @Test
    void labs_publishes_lab_instance_and_template_and_extends_cube_and_user_keyed_by_id() {
        String sdl = as(Persona.ACME_TRAINEE, "{ _service { sdl } }").assertNoErrors().get("data._service.sdl");
        Document schema = Parser.parse(sdl);
        Map<String, List<Directive>> keyed = schema.getDefinitionsOfType(ObjectTypeDefinition.class).stream()
                .filter(type -> !(type instanceof ObjectTypeExtensionDefinition))
                .filter(type -> type.hasDirective("key"))
                .collect(Collectors.toMap(ObjectTypeDefinition::getName, type -> type.getDirectives("key")));
        assertThat(keyed).containsOnlyKeys("LabInstance", "LabTemplate", "Cube", "User");
        keyed.values().forEach(keys -> assertThat(keys).singleElement()
                .satisfies(key -> assertThat(((StringValue) key.getArgument("fields").getValue()).getValue()).isEqualTo("id")));
        assertThat(sdl).contains("labUpdated(", "myLab", "activeLabs");
    }
}
