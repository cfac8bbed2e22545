package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.support.audit.AuditLog;
import com.cycube.support.audit.AuditRecord;
import com.cycube.support.errors.RefusalReason;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Outbox;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Audit records leave the subgraph durably (ADR 22): each one is an {@code audit.Recorded} event in this subgraph's
 * outbox, relayed to the shared event log for the audit subgraph — besides the log line.
 */
@SupportIntegrationTest
class DurableAuditTest {

    private static final String UPDATE_NOTE = "mutation($input: UpdateNoteInput!) { updateNote(input: $input) { title } }";
    private static final String SECRET = "FLAG{never-in-the-trail}";

    @LocalServerPort
    int port;

    @Autowired
    EventLog eventLog;

    @Autowired
    MongoTemplate mongo;

    @RegisterExtension
    final AuditCapture audit = new AuditCapture();
    private final String requestId = "durable-" + UUID.randomUUID();

    @Test
    void a_mutation_is_recorded_as_an_audit_recorded_event_with_its_outcome_resource_and_safe_changes() {
        GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).withHeader("x-request-id", requestId)
                .execute(UPDATE_NOTE, Map.of("input", Map.of("noteId", "note-21", "text", SECRET, "pinned", true)))
                .assertNoErrors();

        DomainEvent event = await().atMost(Duration.ofSeconds(10)).until(() -> recordedOf(requestId), events -> events.size() == 1)
                .get(0);

        AuditRecorded record = event.payloadAs(AuditRecorded.class);
        assertThat(event.orgId()).isEqualTo(Persona.ACME);
        assertThat(event.source()).isEqualTo("support-it");
        assertThat(record.action()).isEqualTo("mutation.updateNote");
        assertThat(record.outcome()).isEqualTo("SUCCESS");
        assertThat(record.actor()).isEqualTo(Persona.ACME_MANAGER.subject());
        assertThat(record.resourceType()).isEqualTo("Note");
        assertThat(record.resourceId()).isEqualTo("note-21");
        assertThat(record.changes()).containsExactly(new AuditRecorded.Change("pinned", "true"));
        assertThat(event.payload().toJson()).doesNotContain(SECRET);
    }

    @Test
    void a_denied_mutation_is_recorded_durably_with_the_reason_the_caller_was_given() {
        GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).withHeader("x-request-id", requestId)
                .execute("mutation { purgeNotes }");

        AuditRecorded record = await().atMost(Duration.ofSeconds(10))
                .until(() -> recordedOf(requestId), events -> events.size() == 1).get(0).payloadAs(AuditRecorded.class);

        assertThat(record.outcome()).isEqualTo("DENIED");
        assertThat(record.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(record.detail()).isNotBlank();
    }

    @Test
    void a_bad_token_refused_at_websocket_connection_init_is_audited_as_denied() throws Exception {
        try (GraphQlWsClient socket = GraphQlWsClient.open(port)) {
            socket.connectionInit(Map.of("Authorization", "Bearer " + TestTokens.forgedTokenFor(Persona.ACME_MANAGER)));
            socket.receive();
        }

        List<JsonNode> refusals = audit.all().stream()
                .filter(line -> "websocket.connection_init".equals(line.path("action").asString())).toList();
        assertThat(refusals).singleElement().satisfies(line -> {
            assertThat(line.path("outcome").asString()).isEqualTo("DENIED");
            assertThat(line.path("errorCode").asString()).isEqualTo("UNAUTHENTICATED");
            assertThat(line.path("actorKind").asString()).isEqualTo("ANONYMOUS");
            assertThat(line.path("clientIp").asString()).isNotBlank();
        });
    }

    @Test
    void an_outbox_document_emptied_by_the_relay_is_removed_by_the_next_sweep() {
        GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).withHeader("x-request-id", requestId)
                .execute(UPDATE_NOTE, Map.of("input", Map.of("noteId", "note-22", "text", "edit"))).assertNoErrors();
        String eventId = await().atMost(Duration.ofSeconds(10))
                .until(() -> recordedOf(requestId), events -> events.size() == 1).get(0).eventId();
        await().atMost(Duration.ofSeconds(10)).until(() -> relayed(eventId)); // the relay appends, then pulls

        new AuditLog(mongo, "support-it", Clock.systemUTC()).record(AuditRecord.refusedRequest(Instant.now(),
                "support-it", "http.POST /graphql", "UNAUTHENTICATED", RefusalReason.INVALID_TOKEN, "sweep-" + requestId,
                null, "127.0.0.1")); // a fresh AuditLog sweeps on its first record

        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(eventId)), AuditLog.OUTBOX_COLLECTION)).isFalse();
    }

    private boolean relayed(String eventId) {
        Document pending = mongo.findById(eventId, Document.class, AuditLog.OUTBOX_COLLECTION);
        return pending != null && pending.getList(Outbox.FIELD, Object.class, List.of()).isEmpty();
    }

    private List<DomainEvent> recordedOf(String requestId) {
        return eventLog.ofType(EventPayload.typeOf(AuditRecorded.class)).stream()
                .filter(event -> requestId.equals(event.payload().getString("requestId"))).toList();
    }
}
