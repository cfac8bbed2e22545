package com.cycube.audit.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * An export holds at most {@code cycube.audit.export.max-rows} records — here 3 (the budgets are the same in
 * {@code VerificationInStepsTest}, so both share one application): up to it every matching record is written, above
 * it the export is refused before anything is read, and narrowing the filter brings it back under.
 */
@TestPropertySource(properties = {"cycube.audit.verification.max-records=3", "cycube.audit.export.max-rows=3"})
class ExportLimitTest extends AuditIntegrationTest {

    private static final String EXPORT = """
            mutation($input: ExportAuditEventsInput!) {
              exportAuditEvents(input: $input) { export { contentBase64 rows } }
            }""";

    @Test
    void an_export_of_exactly_the_limit_has_every_record_in_order_newest_first() {
        for (String action : new String[] {"mutation.createTeam", "mutation.updateTeam", "mutation.deleteTeam"}) {
            send(record(ACME, Persona.ACME_MANAGER.subject(), action, "SUCCESS"));
        }
        drain();

        GraphQlClient.Response response = export(Map.of("format", "JSON_LINES")).assertNoErrors();

        assertThat(response.<Integer>get("data.exportAuditEvents.export.rows")).isEqualTo(3);
        assertThat(content(response).lines().map(line -> line.replaceAll(".*\"action\":\"([^\"]+)\".*", "$1")))
                .containsExactly("mutation.deleteTeam", "mutation.updateTeam", "mutation.createTeam");
    }

    @Test
    void one_record_over_the_limit_is_refused_with_BAD_USER_INPUT_before_anything_is_read_or_recorded() {
        sendAndDeliver(ACME, 4);

        GraphQlClient.Response refused = export(Map.of("format", "CSV"));

        assertThat(refused.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(refused.<String>get("errors[0].message")).contains("More than 3 records match", "narrow the filter");
        assertThat(refused.body()).doesNotContain("Exception", "java.");
        drain();
        assertThat(chain(ACME)).extracting(AuditEventDocument::action).doesNotContain("read.auditExport");
    }

    @Test
    void a_narrower_filter_brings_an_export_back_under_the_limit() {
        sendAndDeliver(ACME, 4);
        send(record(ACME, Persona.ACME_MANAGER.subject(), "mutation.changeMemberRole", "SUCCESS"));
        drain();

        GraphQlClient.Response narrowed = export(Map.of("format", "CSV",
                "filter", Map.of("action", "mutation.changeMemberRole"))).assertNoErrors();

        assertThat(narrowed.<Integer>get("data.exportAuditEvents.export.rows")).isEqualTo(1);
        assertThat(content(narrowed).lines()).hasSize(2); // the header and the one record
    }

    private GraphQlClient.Response export(Map<String, ?> input) {
        return as(Persona.ACME_MANAGER, EXPORT, Map.of("input", input));
    }

    private static String content(GraphQlClient.Response response) {
        return new String(Base64.getDecoder().decode(response.<String>get("data.exportAuditEvents.export.contentBase64")),
                StandardCharsets.UTF_8);
    }
}
