package com.cycube.catalog;

import com.cycube.catalog.demo.DemoData;
import com.cycube.catalog.search.SearchIndexSync;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventProcessing;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.testing.ProducedEvents;
import com.cycube.testing.SubgraphTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of the catalog's HTTP tests: one shared application context (embedded store), and before each test a
 * fresh catalog holding exactly the demo data — skills, course-phishing, course-linux, course-webapp (global,
 * published by root), course-acme-ir (Acme-private, published), course-ransomware-draft (global draft) and
 * path-soc. Change streams are off here so that no background read interleaves with what a test counts or
 * searches; {@code SearchIndexStartupAndSyncTest} covers the search index's change stream.
 */
@SubgraphTest
@Import(MongoCommandCounter.Config.class)
@TestPropertySource(properties = "cycube.change-streams.enabled=false") // see SearchIndexStartupAndSyncTest
public abstract class CatalogIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected SearchIndexSync search;

    @Autowired
    protected MongoCommandCounter commands;

    @Autowired
    private CatalogIndexes indexes;

    @Autowired
    protected EventProcessing events;

    @Autowired
    protected EventLog eventLog;

    @BeforeEach
    void freshDemoCatalog() throws Exception {
        for (String collection : new String[] {"courses", "course_versions", "learning_paths", "skills"}) {
            mongo.dropCollection(collection);
        }
        indexes.run(null);
        new DemoData(mongo).run(null);
        search.rebuild();
        commands.reset();
    }

    /**
     * The events of {@code type} that {@code action} produced: everything pending is relayed first (the demo
     * catalog's own events included), then the action runs and its outbox is relayed.
     */
    protected List<DomainEvent> eventsOf(Class<? extends EventPayload> type, Runnable action) {
        return ProducedEvents.during(events, eventLog, EventPayload.typeOf(type), action);
    }

    protected GraphQlClient.Response as(Persona persona, String query) {
        return as(persona, query, Map.of());
    }

    protected GraphQlClient.Response as(Persona persona, String query, Map<String, ?> variables) {
        return GraphQlClient.forPort(port).as(persona).execute(query, variables);
    }

    protected GraphQlClient.Response anonymous(String query, Map<String, ?> variables) {
        return GraphQlClient.forPort(port).anonymous().execute(query, variables);
    }
}
