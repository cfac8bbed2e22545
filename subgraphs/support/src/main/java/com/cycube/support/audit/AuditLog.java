package com.cycube.support.audit;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single place audit records leave a subgraph (ADR 6, ADR 22). Each record is
 * <ol>
 *   <li>written as one JSON object per line to the {@code cycube.audit} logger, as before, and</li>
 *   <li>stored durably as an {@code audit.Recorded} event ({@link AuditRecorded}) in this subgraph's outbox: a
 *       document of its own in {@value #OUTBOX_COLLECTION}, inserted with the event ({@link Outbox#insert}). The
 *       outbox relay moves it to the shared event log like every other event, so the audit subgraph receives it at
 *       least once — also when it was down at the time — and stores it once, by its event id.</li>
 * </ol>
 * The record is written right after the operation it describes ran (the instrumentation needs its outcome), so it is
 * a write of its own, not part of the change's: a crash in the few milliseconds between the two loses the record
 * (the change stays). ADR 22 explains why that window is accepted. A subgraph without MongoDB (a test application)
 * only logs. A failure to store never fails the request: it is logged as an error with the record.
 */
public class AuditLog {

    public static final String LOGGER_NAME = "cycube.audit";
    /** The outbox documents of audit records, one per record; emptied by the relay, then removed here. */
    public static final String OUTBOX_COLLECTION = "audit_outbox";
    /** How often relayed (emptied) outbox documents are removed, at most. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Logger failures = LoggerFactory.getLogger(AuditLog.class);

    private final JsonMapper json = JsonMapper.builder().build();
    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    /** Log lines only: for applications without MongoDB. */
    public AuditLog() {
        this(null, "subgraph", Clock.systemUTC());
    }

    /**
     * @param mongo   this subgraph's database (its outbox); null to only log
     * @param service the subgraph's name, recorded in records this class makes ({@link #read}, {@link #refused})
     */
    public AuditLog(MongoTemplate mongo, String service, Clock clock) {
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
    }

    /** An outbox document: the record's event id and when it was written; the event itself is in {@code _outbox}. */
    record Pending(@Id String id, Instant at) {
    }

    public void record(AuditRecord record) {
        String line = json.writeValueAsString(record);
        log.info(line);
        if (mongo == null) {
            return;
        }
        try {
            DomainEvent event = DomainEvent.of(record.organizationId(), record.time(), AuditRecorded.of(record));
            Outbox.insert(mongo, new Pending(event.eventId(), record.time()), OUTBOX_COLLECTION, event);
            sweepRelayed();
        } catch (RuntimeException notStored) {
            failures.error("Audit record not stored durably (only in the log): {}", line, notStored);
        }
    }

    /**
     * Records that {@code request}'s caller read sensitive data ("who looked at whom"): another person's report, the
     * audit trail, an export. Call it after the read succeeded; a refused read is recorded by the instrumentation.
     *
     * @param action {@code read.<what>}, e.g. {@code read.auditEvents}, {@code read.userReport}
     * @param target what was read, e.g. {@code Target.of("AuditTrail", "org-acme")}
     */
    public void read(RequestContext request, String action, AuditRecord.Target target) {
        record(AuditRecord.of(clock.instant(), service, request, action, target, AuditRecord.Outcome.SUCCESS, null, null));
    }

    /**
     * Records a refused connection or request that never reached GraphQL execution: a bad token at WebSocket
     * {@code connection_init}, revoked access at connection time.
     *
     * @param caller  the caller the token named when it was valid but refused (revoked access); anonymous otherwise
     * @param refusal what the client was told (code, message) and why ({@link DomainException#reason()})
     */
    public void refused(String action, Caller caller, String requestId, String clientIp, DomainException refusal) {
        RequestContext request = new RequestContext(caller == null ? Caller.ANONYMOUS : caller, requestId, null, clientIp);
        record(AuditRecord.of(clock.instant(), service, request, action, AuditRecord.Target.NONE,
                AuditRecord.Outcome.DENIED, refusal.code().name(), refusal.getMessage(), refusal.reason()));
    }

    /** Removes outbox documents the relay has emptied (their event is in the log), at most once a minute. */
    private void sweepRelayed() {
        Instant now = Instant.now(); // a wall-clock matter, not the domain clock tests move
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_INTERVAL)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        mongo.remove(Query.query(Criteria.where(Outbox.FIELD).size(0)), OUTBOX_COLLECTION);
    }
}
