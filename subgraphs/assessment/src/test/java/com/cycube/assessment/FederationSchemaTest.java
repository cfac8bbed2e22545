package com.cycube.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.Persona;
import com.cycube.testing.PublishedSchema;
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
}
