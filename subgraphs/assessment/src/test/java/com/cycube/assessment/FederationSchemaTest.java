package com.cycube.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.Persona;
import com.cycube.testing.PublishedSchema;
import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the router composes: assessment's entities and their keys, as published by {@code _service}. */
class FederationSchemaTest extends AssessmentIntegrationTest {

    private PublishedSchema published() {
        return PublishedSchema.of(as(Persona.ACME_TRAINEE, "{ _service { sdl } }").assertNoErrors().get("data._service.sdl"));
    }

    @Test
    void assessment_publishes_question_and_certificate_and_extends_cube_and_user_keyed_by_id() {
        assertThat(published().entityKeys()).isEqualTo(Map.of("Question", List.of("id"), "Certificate", List.of("id"),
                "Cube", List.of("id"), "User", List.of("id")));
    }

    /** DGS adds its own {@code ErrorType} and {@code ErrorDetail} enums to the SDL, without a type description. */
    @Test
    void every_type_field_argument_input_field_and_enum_value_is_described() {
        Set<String> dgsErrorTypes = Set.of("ErrorType", "ErrorDetail");
        assertThat(published().undescribed()).filteredOn(element -> !dgsErrorTypes.contains(element.split("\\.")[0]))
                .isEmpty();
    }

    /**
     * The router nulls a field whose subgraph is down; a non-null field would null its whole parent instead, so
     * assessment being down would blank the catalog's cubes and identity's users. List elements stay non-null.
     */
    @Test
    void every_field_assessment_adds_to_another_subgraph_entity_is_nullable_with_non_null_list_elements() {
        var document = Parser.parse(published().sdl());
        List<String> extended = List.of("Cube", "User");
        List<FieldDefinition> added = document.getDefinitionsOfType(ObjectTypeDefinition.class).stream()
                .filter(type -> extended.contains(type.getName()))
                .flatMap(type -> type.getFieldDefinitions().stream())
                .filter(field -> !field.getName().equals("id"))
                .toList();
        assertThat(added).extracting(FieldDefinition::getName)
                .contains("questions", "passMark", "quizResult", "certificates");
        assertThat(added).allSatisfy(field -> {
            assertThat(field.getType()).as(field.getName() + " is nullable").isNotInstanceOf(NonNullType.class);
            if (field.getType() instanceof ListType list) {
                assertThat(list.getType()).as(field.getName() + " has non-null elements").isInstanceOf(NonNullType.class);
            }
        });
    }
}
