package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SupportIntegrationTest
class AuditTrailTest {

    private static final String SAVE_NOTE = "mutation($input: SaveNoteInput!) { saveNote(input: $input) { title } }";
    private static final String UPDATE_NOTE = "mutation($input: UpdateNoteInput!) { updateNote(input: $input) { title } }";
    private static final String SECRET_BODY = "the-variables-must-never-be-audited";
    private static final String GENERATED_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");
    private static final String FORGED_ADDRESS = "203.0.113.66";

    @LocalServerPort
    int port;

    @RegisterExtension
    final AuditCapture audit = new AuditCapture();
    private final String requestId = "audit-" + UUID.randomUUID();

    @Test
    void a_successful_mutation_is_audited_once_with_who_where_what_and_the_request_id() {
        GraphQlClient.Response response = manager().execute(SAVE_NOTE, Map.of("input", Map.of("title", "Patch day", "body", SECRET_BODY)));
        assertThat(response.<String>get("data.saveNote.title")).isEqualTo("Patch day");

        List<JsonNode> records = auditRecords();

        assertThat(records).hasSize(1);
        JsonNode record = records.get(0);
        assertThat(record.path("actor").asString()).isEqualTo(Persona.ACME_MANAGER.subject());
        assertThat(record.path("actorKind").asString()).isEqualTo("PERSON");
        assertThat(record.path("organizationId").asString()).isEqualTo(Persona.ACME);
        assertThat(record.path("action").asString()).isEqualTo("mutation.saveNote");
        assertThat(record.path("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(record.path("requestId").asString()).isEqualTo(requestId);
        assertThat(record.path("service").asString()).isEqualTo("support-it");
        assertThat(record.toString()).doesNotContain(SECRET_BODY, "Patch day");
    }

    @Test
    void a_mutation_with_rejected_input_is_audited_as_a_failure_with_its_code() {
        manager().execute(SAVE_NOTE, Map.of("input", Map.of("title", " ", "body", SECRET_BODY)));

        List<JsonNode> records = auditRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("action").asString()).isEqualTo("mutation.saveNote");
        assertThat(records.get(0).path("outcome").asString()).isEqualTo("FAILURE");
        assertThat(records.get(0).path("errorCode").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(records.get(0).toString()).doesNotContain(SECRET_BODY);
    }

    @Test
    void a_forbidden_mutation_is_audited_as_denied() {
        manager().execute("mutation { purgeNotes }");

        List<JsonNode> records = auditRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("action").asString()).isEqualTo("mutation.purgeNotes");
        assertThat(records.get(0).path("outcome").asString()).isEqualTo("DENIED");
        assertThat(records.get(0).path("errorCode").asString()).isEqualTo("FORBIDDEN");
        assertThat(records.get(0).path("actor").asString()).isEqualTo(Persona.ACME_MANAGER.subject());
    }

    @Test
    void each_field_of_a_mutation_operation_is_audited_on_its_own() {
        manager().execute("mutation($input: SaveNoteInput!) { first: saveNote(input: $input) { title } purgeNotes }",
                Map.of("input", Map.of("title", "ok")));

        assertThat(auditRecords()).extracting(record -> record.path("action").asString() + "=" + record.path("outcome").asString())
                .containsExactly("mutation.saveNote=SUCCESS", "mutation.purgeNotes=DENIED");
    }

    @Test
    void a_denied_query_field_is_audited_once_as_denied() {
        manager().execute("{ whoami { kind } adminReport }");

        List<JsonNode> records = auditRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("action").asString()).isEqualTo("query.adminReport");
        assertThat(records.get(0).path("outcome").asString()).isEqualTo("DENIED");
        assertThat(records.get(0).path("errorCode").asString()).isEqualTo("FORBIDDEN");
        assertThat(records.get(0).path("organizationId").asString()).isEqualTo(Persona.ACME);
    }

    @Test
    void an_allowed_query_leaves_no_audit_record() {
        manager().execute("{ whoami { kind } }");

        assertThat(auditRecords()).isEmpty();
    }

    @Test
    void an_update_mutation_records_the_ids_named_in_its_input() {
        Map<String, Object> input = new LinkedHashMap<>(); // ids are recorded in the order the client sent them
        input.put("noteId", "note-7");
        input.put("text", SECRET_BODY);
        input.put("folderId", "folder-2");
        input.put("tagIds", List.of("tag-a", "tag-b"));
        GraphQlClient.Response response = manager().execute(UPDATE_NOTE, Map.of("input", input));
        assertThat(response.<String>get("data.updateNote.title")).isEqualTo("updated");

        List<JsonNode> records = auditRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("action").asString()).isEqualTo("mutation.updateNote");
        assertThat(records.get(0).path("resource").asString()).isEqualTo("noteId=note-7 folderId=folder-2 tagIds=tag-a,tag-b");
    }

    @Test
    void ids_written_inline_or_through_variables_inside_the_input_are_both_recorded() {
        manager().execute("mutation($tag: ID!, $text: String!) { updateNote(input: {noteId: \"note-8\", tagIds: [\"tag-a\", $tag], text: $text}) { title } }",
                Map.of("tag", "tag-z", "text", SECRET_BODY));

        assertThat(auditRecords()).extracting(record -> record.path("resource").asString())
                .containsExactly("noteId=note-8 tagIds=tag-a,tag-z");
    }

    @Test
    void a_failed_update_still_names_the_resource_it_was_aimed_at() {
        manager().execute(UPDATE_NOTE, Map.of("input", Map.of("noteId", "note-9", "text", " ")));

        List<JsonNode> records = auditRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("outcome").asString()).isEqualTo("FAILURE");
        assertThat(records.get(0).path("resource").asString()).isEqualTo("noteId=note-9");
    }

    @Test
    void a_create_mutation_records_the_id_of_the_created_object_the_client_selected() {
        GraphQlClient.Response response = manager().execute("mutation($input: SaveNoteInput!) { saveNote(input: $input) { note { noteKey: id } } }",
                Map.of("input", Map.of("title", "Patch day", "body", SECRET_BODY)));
        String createdId = response.get("data.saveNote.note.noteKey");
        assertThat(createdId).startsWith("note-");

        assertThat(auditRecords()).extracting(record -> record.path("resource").asString())
                .containsExactly("id=" + createdId);
    }

    @Test
    void a_create_whose_result_id_was_not_selected_records_no_resource() {
        manager().execute(SAVE_NOTE, Map.of("input", Map.of("title", "Patch day")));

        assertThat(auditRecords()).singleElement().satisfies(record -> assertThat(record.path("resource").isNull()).isTrue());
    }

    @Test
    void input_values_other_than_ids_never_appear_in_the_record() {
        String flag = "FLAG{" + UUID.randomUUID() + "}";
        manager().execute(UPDATE_NOTE, Map.of("input", Map.of("noteId", "note-10", "text", flag)));
        manager().execute("mutation($input: SaveNoteInput!) { saveNote(input: $input) { title note { id title } } }",
                Map.of("input", Map.of("title", flag, "body", flag)));

        List<JsonNode> records = auditRecords();

        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(record -> assertThat(record.toString()).doesNotContain(flag, "FLAG{"));
    }

    @Test
    void an_integration_client_is_recorded_with_its_client_id_and_a_person_without_a_name() {
        GraphQlClient.forPort(port).as(Persona.ACME_HR_INTEGRATION).withHeader("x-request-id", requestId)
                .execute(UPDATE_NOTE, Map.of("input", Map.of("noteId", "note-11", "text", "sync")));
        manager().execute(UPDATE_NOTE, Map.of("input", Map.of("noteId", "note-12", "text", "edit")));

        assertThat(auditRecords()).extracting(record -> record.path("actorKind").asString() + ":"
                        + (record.path("actorName").isNull() ? "none" : record.path("actorName").asString()))
                .containsExactly("INTEGRATION:acme-hr-integration", "PERSON:none");
    }

    @Test
    void a_request_refused_for_a_bad_token_is_audited_as_denied_before_any_graphql_runs() {
        GraphQlClient.forPort(port).withToken(TestTokens.forgedTokenFor(Persona.ACME_MANAGER)).withHeader("x-request-id", requestId)
                .execute("{ whoami { kind } }");

        List<JsonNode> records = auditRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("action").asString()).isEqualTo("http.POST /graphql");
        assertThat(records.get(0).path("outcome").asString()).isEqualTo("DENIED");
        assertThat(records.get(0).path("errorCode").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(records.get(0).path("reason").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(records.get(0).path("clientIp").asString()).isNotBlank();
    }

    @Test
    void a_mutation_is_audited_with_a_generated_request_id_no_trace_parent_and_the_socket_address_when_the_client_sends_forged_ones() {
        String forgedRequestId = "forged\",\"outcome\":\"SUCCESS\",\"x\":\"" + "y".repeat(300);
        withForgedHeaders(GraphQlClient.forPort(port).as(Persona.ACME_MANAGER), forgedRequestId, "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")
                .execute(UPDATE_NOTE, Map.of("input", Map.of("noteId", "note-sent-with-forged-headers", "text", "edit")));

        assertOneRecordWithoutForgedValues("resource", "noteId=note-sent-with-forged-headers", "yyyy");
    }

    @Test
    void a_request_refused_for_a_bad_token_is_audited_with_the_same_checks_on_request_id_trace_parent_and_address() {
        withForgedHeaders(GraphQlClient.forPort(port).withToken(TestTokens.forgedTokenFor(Persona.ACME_MANAGER)),
                "r".repeat(129), "not-a-traceparent")
                .execute("{ whoami { kind } }");

        assertOneRecordWithoutForgedValues("action", "http.POST /graphql", "rrrr", "not-a-traceparent");
    }

    @Test
    void a_valid_trace_parent_is_audited_as_sent() {
        String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        manager().withHeader("traceparent", traceParent).execute("mutation { purgeNotes }");

        assertThat(auditRecords()).singleElement()
                .satisfies(record -> assertThat(record.path("traceParent").asString()).isEqualTo(traceParent));
    }

    private static GraphQlClient withForgedHeaders(GraphQlClient client, String requestId, String traceParent) {
        return client.withHeader("x-request-id", requestId).withHeader("traceparent", traceParent)
                .withHeader("x-forwarded-for", FORGED_ADDRESS);
    }

    /** The one record whose {@code field} is {@code value}: a generated request id, no trace parent, the socket address. */
    private void assertOneRecordWithoutForgedValues(String field, String value, String... forged) {
        List<JsonNode> records = allAuditRecords().stream().filter(record -> value.equals(record.path(field).asString())).toList();

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.path("requestId").asString()).matches(GENERATED_ID);
            assertThat(record.path("traceParent").isNull()).isTrue();
            assertThat(record.path("clientIp").asString()).isIn(LOOPBACK);
            assertThat(record.toString()).doesNotContain(forged).doesNotContain(FORGED_ADDRESS);
        });
    }

    private GraphQlClient manager() {
        return GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).withHeader("x-request-id", requestId);
    }

    /** This test's audit lines (by request id), each checked to be one JSON object. */
    private List<JsonNode> auditRecords() {
        return audit.ofRequest(requestId);
    }

    private List<JsonNode> allAuditRecords() {
        return audit.all();
    }
}
