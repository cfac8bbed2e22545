package com.cycube.audit.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.audit.trail.ChainHash;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Auditors take the trail away as JSON Lines (every field, to recompute the hashes) or CSV (to read). */
class AuditExportTest extends AuditIntegrationTest {

    private static final String EXPORT = """
            mutation($input: ExportAuditEventsInput!) {
              exportAuditEvents(input: $input) { export { fileName contentType contentBase64 rows generatedAt } }
            }""";

    @BeforeEach
    void recordsOfTwoOrganizations() {
        send(record(ACME, Persona.ACME_MANAGER.subject(), "mutation.createTeam", "SUCCESS"));
        send(record(ACME, Persona.ACME_MANAGER.subject(), "=HYPERLINK(\"http://evil\"),x", "FAILURE"));
        send(record(GLOBEX, Persona.GLOBEX_MANAGER.subject(), "mutation.createTeam", "SUCCESS"));
        drain();
    }

    @Test
    void json_lines_carry_every_stored_field_so_an_auditor_can_recompute_each_hash() {
        GraphQlClient.Response response = export(Persona.ACME_MANAGER, "JSON_LINES");

        assertThat(response.<String>get("data.exportAuditEvents.export.fileName")).endsWith(".jsonl").contains(ACME);
        assertThat(response.<Integer>get("data.exportAuditEvents.export.rows")).isEqualTo(2);
        List<String> lines = content(response).lines().toList();
        assertThat(lines).hasSize(2);
        JsonMapper json = JsonMapper.builder().build();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            assertThat(node.path("organizationId").asString()).isEqualTo(ACME);
            assertThat(recomputedHash(node)).isEqualTo(node.path("hash").asString());
        }
    }

    @Test
    void csv_has_a_header_one_row_per_record_and_never_a_cell_a_spreadsheet_would_run_as_a_formula() {
        GraphQlClient.Response response = export(Persona.ACME_MANAGER, "CSV");

        assertThat(response.<String>get("data.exportAuditEvents.export.contentType")).startsWith("text/csv");
        List<String> rows = content(response).lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("\uFEFFid,time,organizationId,actor");
        assertThat(rows.get(1)).contains("\"'=HYPERLINK(\"\"http://evil\"\"),x\"");
        assertThat(rows.get(2)).contains("mutation.createTeam");
    }

    @Test
    void an_export_follows_the_same_rules_as_reading_the_trail_and_is_itself_recorded() {
        assertThat(export(Persona.ACME_TRAINEE, "CSV").errorCodes()).containsExactly("FORBIDDEN");
        assertThat(exportOf(Persona.ACME_MANAGER, GLOBEX).<Integer>get("data.exportAuditEvents.export.rows")).isZero();
        assertThat(exportOf(Persona.ROOT, GLOBEX).<Integer>get("data.exportAuditEvents.export.rows")).isEqualTo(1);
        drain();

        assertThat(chain(ACME)).extracting(AuditEventDocument::action).contains("read.auditExport");
    }

    private GraphQlClient.Response export(Persona persona, String format) {
        return as(persona, EXPORT, Map.of("input", Map.of("format", format)));
    }

    private GraphQlClient.Response exportOf(Persona persona, String organizationId) {
        return as(persona, EXPORT, Map.of("input", Map.of("format", "JSON_LINES",
                "filter", Map.of("organizationId", organizationId)))).assertNoErrors();
    }

    private static String content(GraphQlClient.Response response) {
        return new String(Base64.getDecoder().decode(response.<String>get("data.exportAuditEvents.export.contentBase64")),
                StandardCharsets.UTF_8);
    }

    private static String recomputedHash(JsonNode node) {
        List<AuditEventDocument.Change> changes = node.path("changes").valueStream()
                .map(change -> new AuditEventDocument.Change(change.path("field").asString(), change.path("value").asString()))
                .toList();
        AuditEventDocument record = new AuditEventDocument(text(node, "id"), text(node, "chain"), node.path("seq").asLong(),
                text(node, "prevHash"), null, Instant.parse(text(node, "time")), Instant.parse(text(node, "recordedAt")),
                text(node, "service"), text(node, "actor"), text(node, "actorKind"), text(node, "actorName"),
                text(node, "organizationId"), text(node, "action"), text(node, "resourceType"), text(node, "resourceId"),
                text(node, "resource"), text(node, "outcome"), text(node, "errorCode"), text(node, "requestId"),
                text(node, "traceParent"), text(node, "clientIp"), changes, text(node, "detail"), text(node, "reason"));
        return ChainHash.of(record);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asString();
    }
}
