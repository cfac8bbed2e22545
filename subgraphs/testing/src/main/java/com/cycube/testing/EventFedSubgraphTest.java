package com.cycube.testing;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventProcessing;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.MutableClock;
import com.cycube.testclient.Persona;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The base of the HTTP tests of a subgraph fed by events (analytics, notification, audit): one shared context
 * ({@link SubgraphTest}) with a hand-moved clock from the real present, events delivered only by {@link #drain()}.
 * {@link #startEmpty()} empties the subgraph's database and the shared event log; a subclass then delivers the
 * directory it needs as events ({@link #append}, one millisecond apart, with per-entity {@link #nextVersion}s).
 */
@SubgraphTest
@Import(EventFedSubgraphTest.ClockBeans.class)
public abstract class EventFedSubgraphTest {

    /** The hand-moved clock every bean of the context reads. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class ClockBeans {
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

    private final Map<String, Long> versions = new HashMap<>();

    /** Empties the subgraph's database (every collection) and the shared event log, and forgets the versions. */
    protected void startEmpty() {
        versions.clear();
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.startsWith("system.")) {
                mongo.remove(new Query(), collection);
            }
        }
        mongoClient.getDatabase("cycube-events").getCollection("events").deleteMany(new Document());
    }

    /** Relays and delivers every pending event, until nothing is left. */
    protected void drain() {
        events.drain();
    }

    /** The next event time: the hand-moved clock, 1 ms later than the previous event. */
    protected Instant nextEventTime() {
        clock.advance(Duration.ofMillis(1));
        return clock.instant();
    }

    /** 1, 2, 3… per entity id: the versions of the snapshots a test delivers. */
    protected long nextVersion(String entityId) {
        return versions.merge(entityId, 1L, Long::sum);
    }

    /** Appends {@code payload} to the event log as of {@code orgId}, at the next event time (not delivered yet). */
    protected <P extends Record & EventPayload> DomainEvent append(String orgId, P payload) {
        DomainEvent event = DomainEvent.of(orgId, nextEventTime(), payload);
        eventLog.append(event);
        return event;
    }

    protected GraphQlClient.Response as(Persona persona, String query) {
        return as(persona, query, Map.of());
    }

    protected GraphQlClient.Response as(Persona persona, String query, Map<String, ?> variables) {
        return GraphQlClient.forPort(port).as(persona).execute(query, variables);
    }
}
