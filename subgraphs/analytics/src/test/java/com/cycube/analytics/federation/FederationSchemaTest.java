package com.cycube.analytics.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.analytics.AnalyticsIntegrationTest;
import com.cycube.testclient.Persona;
import com.cycube.testing.PublishedSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the router composes: analytics owns no entity and extends users, teams and courses, keyed by id. */
class FederationSchemaTest extends AnalyticsIntegrationTest {

    @Test
    void analytics_extends_user_team_and_course_keyed_by_id() {
        PublishedSchema schema = PublishedSchema.of(as(Persona.ACME_MANAGER, "{ _service { sdl } }").assertNoErrors()
                .get("data._service.sdl"));
        assertThat(schema.entityKeys()).isEqualTo(Map.of("User", List.of("id"), "Team", List.of("id"),
                "Course", List.of("id")));
        assertThat(schema.sdl()).contains("organizationDashboard(", "learningRecords(", "dashboardUpdated(",
                "learningReport", "analytics: CourseAnalytics");
    }

    @Test
    void every_type_field_argument_and_enum_value_of_the_analytics_schema_is_described() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schema/analytics.graphqls")) {
            assertThat(PublishedSchema.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)).undescribed()).isEmpty();
        }
    }
}
