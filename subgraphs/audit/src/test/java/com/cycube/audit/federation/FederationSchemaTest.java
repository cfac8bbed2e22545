package com.cycube.audit.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.testclient.Persona;
import com.cycube.testing.PublishedSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the router composes: audit owns and extends no entity; every type, field and value is described. */
class FederationSchemaTest extends AuditIntegrationTest {

    @Test
    void audit_publishes_its_queries_and_export_mutation_and_no_entity() {
        PublishedSchema schema = PublishedSchema.of(as(Persona.ACME_TRAINEE, "{ _service { sdl } }").assertNoErrors()
                .get("data._service.sdl"));
        assertThat(schema.entityKeys()).isEmpty();
        assertThat(schema.sdl()).contains("auditEvents(", "verifyAuditTrail(", "securityAlerts(", "exportAuditEvents(");
    }

    @Test
    void every_type_field_argument_and_enum_value_of_the_audit_schema_is_described() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schema/audit.graphqls")) {
            assertThat(PublishedSchema.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)).undescribed()).isEmpty();
        }
    }
}
