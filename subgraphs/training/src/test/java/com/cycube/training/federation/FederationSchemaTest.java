package com.cycube.training.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testing.Persona;
import com.cycube.training.TrainingIntegrationTest;
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

/** What the router composes: training's entities and the ones it extends, keyed by id, as published by _service. */
class FederationSchemaTest extends TrainingIntegrationTest {

    @Test
    void training_publishes_enrollment_and_assignment_and_extends_user_course_and_team_keyed_by_id() {
        String sdl = as(Persona.ACME_TRAINEE, "{ _service { sdl } }").assertNoErrors().get("data._service.sdl");
        Document schema = Parser.parse(sdl);
        Map<String, List<Directive>> keyed = schema.getDefinitionsOfType(ObjectTypeDefinition.class).stream()
                .filter(type -> !(type instanceof ObjectTypeExtensionDefinition))
                .filter(type -> type.hasDirective("key"))
                .collect(Collectors.toMap(ObjectTypeDefinition::getName, type -> type.getDirectives("key")));
        assertThat(keyed).containsOnlyKeys("Enrollment", "Assignment", "User", "Course", "Team", "LearningPath");
        keyed.values().forEach(keys -> assertThat(keys).singleElement()
                .satisfies(key -> assertThat(((StringValue) key.getArgument("fields").getValue()).getValue()).isEqualTo("id")));
        assertThat(sdl).contains("progressUpdated(", "myEnrollment", "enrollments(", "1 and 3600 seconds per call");
    }
}
