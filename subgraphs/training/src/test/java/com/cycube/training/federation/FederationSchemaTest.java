package com.cycube.training.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.Persona;
import com.cycube.testing.PublishedSchema;
import com.cycube.training.TrainingIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the router composes: training's entities and the ones it extends, keyed by id, as published by _service. */
class FederationSchemaTest extends TrainingIntegrationTest {

    private PublishedSchema published() {
        return PublishedSchema.of(as(Persona.ACME_TRAINEE, "{ _service { sdl } }").assertNoErrors().get("data._service.sdl"));
    }

    @Test
    void training_publishes_enrollment_and_assignment_and_extends_user_course_team_and_learning_path_keyed_by_id() {
        PublishedSchema schema = published();
        assertThat(schema.entityKeys()).isEqualTo(Map.of("Enrollment", List.of("id"), "Assignment", List.of("id"),
                "User", List.of("id"), "Course", List.of("id"), "Team", List.of("id"), "LearningPath", List.of("id")));
        assertThat(schema.sdl()).contains("progressUpdated(", "myEnrollment", "enrollments(", "1 and 3600 seconds per call");
    }

    /**
     * Training's own schema file: the published SDL also holds DGS's {@code ErrorType}/{@code ErrorDetail} enums,
     * which come without a type description.
     */
    @Test
    void every_type_field_argument_and_enum_value_of_the_training_schema_is_described() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schema/training.graphqls")) {
            assertThat(PublishedSchema.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)).undescribed()).isEmpty();
        }
    }
}
