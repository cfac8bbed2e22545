package com.cycube.audit;

import com.cycube.audit.checkpoints.AuditCheckpoints;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.audit.trail.TrailStore;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventProcessing;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.MutableClock;
import com.cycube.testclient.Persona;
import com.cycube.testing.SubgraphTest;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of audit's tests: one shared context (embedded store, a hand-moved clock from the real present), events
 * delivered only by {@link #drain()}, checkpoints and pruning only when a test asks. Before each test the database and
 * the event log are emptied. Records arrive as other subgraphs send them: {@code audit.Recorded} events in the log.
 */
@SubgraphTest
@TestPropertySource(properties = {"cycube.audit.checkpoints.enabled=false", "cycube.audit.pruning.enabled=false",
        "cycube.audit.checkpoint-key=" + AuditIntegrationTest.CHECKPOINT_KEY})
@Import(AuditIntegrationTest.TestBeans.class)
public abstract class AuditIntegrationTest {

    public static final String CHECKPOINT_KEY = "test-audit-checkpoint-key-of-32-characters-or-more";
    public static final String ACME = Persona.ACME;
    public static final String GLOBEX = Persona.GLOBEX;
    /** An integration client of Acme allowed to read its audit trail. */
    public static final Persona ACME_AUDITOR = Persona.integration("acme-auditor", ACME, List.of("audit:read"));

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected MongoClient mongoClient;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected EventLog eventLog;

    @Autowired
    protected EventProcessing events;

    @Autowired
    protected TrailStore trail;

    @Autowired
    protected AuditCheckpoints checkpoints;

    @BeforeEach
    void startEmpty() {
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.startsWith("system.")) {
                mongo.remove(new Query(), collection);
            }
        }
        mongoClient.getDatabase("cycube-events").getCollection("events").deleteMany(new Document());
    }

    protected void drain() {
        events.drain();
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
        clock.advance(Duration.ofMillis(1));
        return new AuditRecorded(clock.instant(), "identity", actor, actor == null ? "ANONYMOUS" : "PERSON", null, org,
                action, "User", "user-7", "userId=user-7", outcome, errorCode, "req-" + clock.millis(), null,
                clientIp == null ? "10.0.0.5" : clientIp, changes, detail);
    }

    /** Sends {@code count} successful records of Acme's manager and delivers them. */
    protected void sendAndDeliver(String org, int count) {
        for (int i = 0; i < count; i++) {
            send(record(org, Persona.ACME_MANAGER.subject(), "mutation.updateTeam", "SUCCESS"));
        }
        drain();
    }

    /** The stored records of a chain in seq order. */
    protected List<AuditEventDocument> chain(String chain) {
        return mongo.find(Query.query(Criteria.where("chain").is(chain)).with(Sort.by("seq")), AuditEventDocument.class,
                AuditEventDocument.COLLECTION);
    }

    protected Instant now() {
        return clock.instant();
    }

    protected GraphQlClient.Response as(Persona persona, String query) {
        return as(persona, query, Map.of());
    }

    protected GraphQlClient.Response as(Persona persona, String query, Map<String, ?> variables) {
        return GraphQlClient.forPort(port).as(persona).execute(query, variables);
    }
}
