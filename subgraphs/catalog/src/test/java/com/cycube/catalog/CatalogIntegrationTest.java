package com.cycube.catalog;

import com.cycube.catalog.demo.DemoData;
import com.cycube.catalog.search.SearchIndexSync;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventProcessing;
import com.cycube.testing.GraphQlTestClient;
import com.cycube.testing.Persona;
import com.cycube.testing.SubgraphTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of the catalog's HTTP tests: one shared application context (embedded store), and before each test a
 * fresh catalog holding exactly the demo data — skills, course-phishing, course-linux, course-webapp (global,
 * published by root), course-acme-ir (Acme-private, published), course-ransomware-draft (global draft) and
 * path-soc. The change-stream listener is off here so that no background read interleaves with what a test
 * counts or searches; {@code SearchChangeStreamTest} covers it.
 */
@SubgraphTest
@Import(MongoCommandCounter.Config.class)
@TestPropertySource(properties = "cycube.catalog.search.change-stream-enabled=false") // see SearchChangeStreamTest
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
    protected List<DomainEvent> eventsOf(String type, Runnable action) {
        return com.cycube.testing.ProducedEvents.during(events, eventLog, type, action);
    }

    protected GraphQlTestClient.Response as(Persona persona, String query) {
        return as(persona, query, Map.of());
    }

    protected GraphQlTestClient.Response as(Persona persona, String query, Map<String, ?> variables) {
        return GraphQlTestClient.forPort(port).as(persona).execute(query, variables);
    }

    protected GraphQlTestClient.Response anonymous(String query, Map<String, ?> variables) {
        return GraphQlTestClient.forPort(port).anonymous().execute(query, variables);
    }
}
