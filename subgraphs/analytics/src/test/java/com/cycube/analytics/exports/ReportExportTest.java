package com.cycube.analytics.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.analytics.LearningFacts;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * exportReport: the dashboards' data as CSV or XLSX, scoped like the dashboards, the file in the payload; a learner's
 * name never becomes a spreadsheet formula.
 */
class ReportExportTest extends LearningFacts {

    static final String EXPORT = """
            mutation($input: ExportReportInput!) { exportReport(input: $input) { report {
              fileName contentType contentBase64 rows generatedAt } } }""";

    static final Persona FORMULA = Persona.person("00000000-0000-4000-8000-000000000019", "formula@acme.test",
            "=HYPERLINK(\"http://evil.example\",\"click\")", "TRAINEE", ACME);

    @BeforeEach
    void acmeLearns() {
        append(ACME, new UserChanged(FORMULA.subject(), FORMULA.name(), "TRAINEE", List.of("team-acme-blue"), true,
                nextVersion(FORMULA.subject()), "ACTIVE"));
        selfEnrolled(Persona.ACME_TRAINEE, "course-phishing");
        cubeStarted(Persona.ACME_TRAINEE, "course-phishing", "read-1");
        courseCompleted(Persona.ACME_TRAINEE, "course-phishing", 90.0);
        studied(Persona.ACME_TRAINEE, "course-phishing", 5400);
        drain();
    }

    private GraphQlClient.Response export(Persona persona, String scope, String id, String format) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("scope", scope, "format", format));
        if (id != null) {
            input.put("id", id);
        }
        return as(persona, EXPORT, Map.of("input", input));
    }

    private static byte[] content(GraphQlClient.Response response) {
        return Base64.getDecoder().decode(response.<String>get("data.exportReport.report.contentBase64"));
    }

    @Test
    void the_organization_report_as_csv_has_one_row_per_member_and_quotes_what_a_spreadsheet_would_run() {
        GraphQlClient.Response response = export(Persona.ACME_MANAGER, "ORGANIZATION", null, "CSV").assertNoErrors();

        assertThat(response.<String>get("data.exportReport.report.fileName")).startsWith("organization-report-").endsWith(".csv");
        assertThat(response.<String>get("data.exportReport.report.contentType")).isEqualTo("text/csv; charset=utf-8");
        assertThat(response.<Integer>get("data.exportReport.report.rows")).isEqualTo(4);
        String csv = new String(content(response), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFUser id,Name,Active member,Enrollments,Completions,");
        String adam = csv.lines().filter(line -> line.startsWith(Persona.ACME_TRAINEE.subject())).findFirst().orElseThrow();
        assertThat(adam).startsWith(Persona.ACME_TRAINEE.subject() + ",Adam Trainee,true,1,1,1.0,90.0,0,1.5,0.0,0,");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"").doesNotContain(",=HYPERLINK");
        assertThat(csv).doesNotContain("Greg Trainee"); // Globex's
    }

    @Test
    void a_team_report_as_xlsx_holds_the_same_figures_as_numbers() throws Exception {
        GraphQlClient.Response response = export(Persona.ACME_MANAGER, "TEAM", "team-acme-soc", "XLSX").assertNoErrors();

        assertThat(response.<String>get("data.exportReport.report.fileName")).endsWith(".xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content(response)))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("User id");
            Map<String, Row> byUser = rows.stream().skip(1).collect(Collectors.toMap(row -> row.getCellText(0), row -> row));
            assertThat(byUser).containsOnlyKeys(Persona.ACME_TRAINEE.subject(), OTHER_ACME_TRAINEE.subject(), FORMULA.subject());
            Row adam = byUser.get(Persona.ACME_TRAINEE.subject());
            assertThat(adam.getCellAsNumber(3)).hasValueSatisfying(enrollments -> assertThat(enrollments.intValue()).isEqualTo(1));
            assertThat(adam.getCellAsNumber(6)).hasValueSatisfying(score -> assertThat(score.doubleValue()).isEqualTo(90.0));
            assertThat(byUser.get(FORMULA.subject()).getCellText(1)).isEqualTo(FORMULA.name()); // text, not a formula
            assertThat(byUser.get(FORMULA.subject()).getCell(1).getFormula()).isNull();
        }
    }

    @Test
    void a_course_report_lists_its_cubes_funnel() {
        String csv = new String(content(export(Persona.ACME_MANAGER, "COURSE", "course-phishing", "CSV").assertNoErrors()),
                StandardCharsets.UTF_8);

        assertThat(csv.lines().skip(1).map(line -> line.split(",")[1]).toList()).containsExactly("read-1", "quiz-1", "lab-1");
        assertThat(csv).contains("CUBE,read-1,read-1,1,READING,1,0,1,"); // begun, not completed: a drop-off
    }

    @Test
    void exports_are_scoped_like_the_dashboards() {
        assertThat(export(Persona.ACME_TRAINEE, "ORGANIZATION", null, "CSV").errorCodes()).containsExactly("FORBIDDEN");
        assertThat(export(Persona.GLOBEX_MANAGER, "TEAM", "team-acme-soc", "CSV").errorCodes()).containsExactly("NOT_FOUND");
        assertThat(export(Persona.GLOBEX_MANAGER, "ORGANIZATION", ACME, "XLSX").errorCodes()).containsExactly("NOT_FOUND");
        assertThat(export(Persona.ACME_MANAGER, "COURSE", "course-globex-secrets", "CSV").errorCodes()).containsExactly("NOT_FOUND");
        assertThat(export(Persona.ACME_MANAGER, "TEAM", null, "CSV").errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(export(ACME_ANALYTICS, "ORGANIZATION", null, "CSV").assertNoErrors()
                .<Integer>get("data.exportReport.report.rows")).isEqualTo(4);
        assertThat(export(Persona.ROOT, "ORGANIZATION", GLOBEX, "CSV").assertNoErrors()
                .<Integer>get("data.exportReport.report.rows")).isEqualTo(2);
    }
}
