package com.cycube.support.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.audit.AuditRecord;
import com.cycube.support.errors.RefusalReason;
import com.cycube.support.events.DomainEvent;
import java.time.Instant;
import org.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditContractsTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:15:30.123Z");

    @Test
    void an_audit_record_travels_as_audit_recorded_and_reads_back_with_every_field() {
        AuditRecord record = new AuditRecord(AT, "identity", "user-1", "PERSON", null, "org-acme",
                "mutation.changeMemberRole", "userId=user-2", AuditRecord.Outcome.SUCCESS, null, "req-1", null,
                "10.0.0.1", "User", "user-2", List.of(new AuditRecord.Change("role", "MANAGER")), null, null);

        DomainEvent event = DomainEvent.of(record.organizationId(), record.time(), AuditRecorded.of(record));

        assertThat(event.type()).isEqualTo("audit.Recorded");
        assertThat(event.orgId()).isEqualTo("org-acme");
        AuditRecorded read = event.payloadAs(AuditRecorded.class);
        assertThat(read).isEqualTo(AuditRecorded.of(record));
        assertThat(read.changes()).containsExactly(new AuditRecorded.Change("role", "MANAGER"));
        assertThat(read.outcome()).isEqualTo("SUCCESS");
    }

    @Test
    void a_refusal_travels_with_its_reason_and_an_event_written_before_reasons_existed_reads_back_without_one() {
        AuditRecord refused = AuditRecord.refusedRequest(AT, "identity", "http.POST /graphql", "UNAUTHENTICATED",
                RefusalReason.INVALID_TOKEN, "req-2", null, "10.0.0.1");
        assertThat(DomainEvent.of(null, AT, AuditRecorded.of(refused)).payloadAs(AuditRecorded.class).reason())
                .isEqualTo("INVALID_TOKEN");

        DomainEvent older = DomainEvent.of(null, AT, AuditRecorded.of(refused));
        Document payloadWithoutReason = new Document(older.payload());
        payloadWithoutReason.remove("reason");
        AuditRecorded read = new DomainEvent(older.eventId(), older.type(), older.orgId(), older.source(),
                older.occurredAt(), payloadWithoutReason).payloadAs(AuditRecorded.class);
        assertThat(read.reason()).isNull();
        assertThat(read.action()).isEqualTo("http.POST /graphql");
    }

    @Test
    void a_security_alert_reads_back_as_raised() {
        SecurityAlertRaised alert = new SecurityAlertRaised("a1", "REPEATED_DENIALS", "org-acme", "user-1", 20, AT, AT,
                "20 denied requests from user-1 within 5 minutes", "rec-1");

        assertThat(DomainEvent.of("org-acme", AT, alert).payloadAs(SecurityAlertRaised.class)).isEqualTo(alert);
    }
}
