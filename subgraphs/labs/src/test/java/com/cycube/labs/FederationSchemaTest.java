package com.cycube.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.Persona;
import com.cycube.testing.PublishedSchema;
import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the router composes: the labs' entities and their keys, as published by {@code _service}. */
class FederationSchemaTest extends LabsIntegrationTest {

    @Test
    void labs_publishes_lab_instance_and_template_and_extends_cube_and_user_keyed_by_id() {
        String sdl = as(Persona.ACME_TRAINEE, "{ _service { sdl } }").assertNoErrors().get("data._service.sdl");

        assertThat(PublishedSchema.of(sdl).entityKeys()).isEqualTo(Map.of("LabInstance", List.of("id"),
                "LabTemplate", List.of("id"), "Cube", List.of("id"), "User", List.of("id")));
        assertThat(sdl).contains("labUpdated(", "myLab", "activeLabs");
    }

    /**
     * When labs is down the router nulls the fields labs resolves: a field labs adds to another subgraph's entity
     * (or a reference to one) must be nullable, or the whole {@code User} / {@code Cube} would be nulled with it.
     * Lists keep non-null elements.
     */
    @Test
    void every_field_labs_adds_to_another_subgraphs_entity_is_nullable_so_labs_being_down_nulls_only_its_own_fields()
            throws IOException {
        TypeDefinitionRegistry schema = new SchemaParser().parse(labsSchema());
        Map<String, List<String>> added = Map.of("Cube", List.of("myLab"), "User", List.of("activeLabs"));
        added.forEach((entity, fields) -> {
            ObjectTypeDefinition type = schema.getType(entity, ObjectTypeDefinition.class).orElseThrow();
            // nothing else is added unnoticed
            assertThat(type.getFieldDefinitions()).extracting(FieldDefinition::getName)
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of("id"), fields.stream()).toList());
            for (String field : fields) {
                Type<?> fieldType = field(type, field).getType();
                assertThat(fieldType).as(entity + "." + field).isNotInstanceOf(NonNullType.class);
                if (fieldType instanceof ListType list) {
                    assertThat(list.getType()).as(entity + "." + field + " elements").isInstanceOf(NonNullType.class);
                }
            }
        });
        ObjectTypeDefinition lab = schema.getType("LabInstance", ObjectTypeDefinition.class).orElseThrow();
        assertThat(field(lab, "owner").getType()).isNotInstanceOf(NonNullType.class);
        assertThat(field(lab, "cube").getType()).isNotInstanceOf(NonNullType.class);
    }

    private static FieldDefinition field(ObjectTypeDefinition type, String name) {
        return type.getFieldDefinitions().stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
    }

    private String labsSchema() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schema/labs.graphqls")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The labs' own schema file: the published SDL also holds DGS's {@code ErrorType}/{@code ErrorDetail} enums,
     * which come without a type description.
     */
    @Test
    void every_type_field_argument_and_enum_value_of_the_labs_schema_is_described() throws IOException {
        assertThat(PublishedSchema.of(labsSchema()).undescribed()).isEmpty();
    }
}
