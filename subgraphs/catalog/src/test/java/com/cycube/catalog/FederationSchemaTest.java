package com.cycube.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.Persona;
import com.cycube.testing.PublishedSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the router composes: the catalog's entities and their keys, as published by {@code _service}. */
class FederationSchemaTest extends CatalogIntegrationTest {

    @Test
    void the_catalog_publishes_course_module_cube_learning_path_and_user_as_entities_keyed_by_id() {
        String sdl = as(Persona.ACME_TRAINEE, "{ _service { sdl } }").assertNoErrors().get("data._service.sdl");

        assertThat(PublishedSchema.of(sdl).entityKeys()).isEqualTo(Map.of(
                "Course", List.of("id"),
                "Module", List.of("id"),
                "Cube", List.of("id"),
                "LearningPath", List.of("id"),
                "User", List.of("id")));
    }

    /**
     * The catalog's own schema file: the published SDL also holds DGS's {@code ErrorType}/{@code ErrorDetail}
     * enums, which come without a type description.
     */
    @Test
    void every_type_field_argument_and_enum_value_of_the_catalog_schema_is_described() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schema/catalog.graphqls")) {
            String sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(PublishedSchema.of(sdl).undescribed()).isEmpty();
        }
    }
}
