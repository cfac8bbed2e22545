package com.cycube.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.Persona;
import com.cycube.testing.PublishedSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
     * The labs' own schema file: the published SDL also holds DGS's {@code ErrorType}/{@code ErrorDetail} enums,
     * which come without a type description.
     */
    @Test
    void every_type_field_argument_and_enum_value_of_the_labs_schema_is_described() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schema/labs.graphqls")) {
            String sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(PublishedSchema.of(sdl).undescribed()).isEmpty();
        }
    }
}
