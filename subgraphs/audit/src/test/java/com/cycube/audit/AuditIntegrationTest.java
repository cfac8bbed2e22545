package com.cycube.audit;

import com.cycube.audit.checkpoints.AuditCheckpoints;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.audit.trail.TrailStore;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import com.cycube.testing.EventFedSubgraphTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of audit's tests ({@link EventFedSubgraphTest}: one shared context, a hand-moved clock, events delivered only
 * by {@link #drain()}), checkpoints and pruning only when a test asks. Before each test the database and
 * the event log are emptied. Records arrive as other subgraphs send them: {@code audit.Recorded} events in the log.
 */
@TestPropertySource(properties = {"cycube.audit.checkpoints.enabled=false", "cycube.audit.pruning.enabled=false",
        "cycube.audit.checkpoint-key=" + AuditIntegrationTest.CHECKPOINT_KEY})
public abstract class AuditIntegrationTest extends EventFedSubgraphTest {

    public static final String CHECKPOINT_KEY = "test-audit-checkpoint-key-of-32-characters-or-more";
    public static final String ACME = Persona.ACME;
    public static final String GLOBEX = Persona.GLOBEX;
    /** An integration client of Acme allowed to read its audit trail. */
    public static final Persona ACME_AUDITOR = Persona.integration("acme-auditor", ACME, List.of("audit:read"));

    @Autowired
    protected TrailStore trail;

    @Autowired
    protected AuditCheckpoints checkpoints;

    @BeforeEach
    void startEmptyTrail() {
        startEmpty();
    }

    /** A record as another subgraph's AuditLog sends it: an {@code audit.Recorded} event in the log (not yet delivered). */
    protected DomainEvent send(AuditRecorded record) {
        DomainEvent event = DomainEvent.of(record.organizationId(), record.time(), record);
        eventLog.append(event);
        return event;
    }

    /** A record of {@code actor} doing {@code action} in {@code org}, one millisecond after the previous one. */
    protected AuditRecorded record(String org, String actor, String action, String outcome) {
        return record(org, actor, action, outcome, null, null, List.of(), null);
    }

    protected AuditRecorded record(String org, String actor, String action, String outcome, String errorCode,
                                   String clientIp, List<AuditRecorded.Change> changes, String detail) {
        return record(org, actor, action, outcome, errorCode, clientIp, changes, detail, null);
    }

    /** A record as above, refused as a whole for {@code reason} (support's RefusalReason name; null: not refused so). */
    protected AuditRecorded record(String org, String actor, String action, String outcome, String errorCode,
                                   String clientIp, List<AuditRecorded.Change> changes, String detail, String reason) {
        clock.advance(Duration.ofMillis(1));
        return new AuditRecorded(clock.instant(), "identity", actor, actor == null ? "ANONYMOUS" : "PERSON", null, org,
                action, "User", "user-7", "userId=user-7", outcome, errorCode, "req-" + clock.millis(), null,
                clientIp == null ? "10.0.0.5" : clientIp, changes, detail, reason);
    }

    /** Sends {@code count} successful records of Acme's manager and delivers them. */
    protected void sendAndDeliver(String org, int count) {
        for (int i = 0; i < count; i++) {
            send(record(org, Persona.ACME_MANAGER.subject(), "mutation.updateTeam", "SUCCESS"));
        }
        drain();
    }

    /**
     * Replaces a stored record by one with another actor and a hash that matches its new content, as an intruder who
     * knows the algorithm would: only the next record's link (or a checkpoint, or a verification cursor) shows it.
     */
    protected void rewriteWithItsOwnHash(String chain, long seq, String actor) {
        AuditEventDocument stored = chain(chain).stream().filter(record -> record.seq() == seq).findFirst().orElseThrow();
        AuditEventDocument rewritten = new AuditEventDocument(stored.id(), stored.chain(), 0, null, null, stored.time(),
                stored.recordedAt(), stored.service(), actor, stored.actorKind(), stored.actorName(),
                stored.organizationId(), stored.action(), stored.resourceType(), stored.resourceId(), stored.resource(),
                stored.outcome(), stored.errorCode(), stored.requestId(), stored.traceParent(), stored.clientIp(),
                stored.changes(), stored.detail(), stored.reason()).chained(seq, stored.prevHash());
        Query position = Query.query(Criteria.where("chain").is(chain).and("seq").is(seq));
        mongo.remove(position, AuditEventDocument.COLLECTION);
        mongo.insert(rewritten, AuditEventDocument.COLLECTION);
    }

    /** The stored records of a chain in seq order. */
    protected List<AuditEventDocument> chain(String chain) {
        return mongo.find(Query.query(Criteria.where("chain").is(chain)).with(Sort.by("seq")), AuditEventDocument.class,
                AuditEventDocument.COLLECTION);
    }

    protected Instant now() {
        return clock.instant();
    }

}
