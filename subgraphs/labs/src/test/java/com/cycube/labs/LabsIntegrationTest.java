package com.cycube.labs;

import com.cycube.testing.MutableClock;
import com.cycube.labs.demo.DemoData;
import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.provisioning.LabReaper;
import com.cycube.labs.provisioning.ProvisioningDriver;
import com.cycube.labs.templates.LabProtocol;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventProcessing;
import com.cycube.testing.GraphQlTestClient;
import com.cycube.testing.Persona;
import com.cycube.testing.SubgraphTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of the labs' HTTP tests: one shared context (embedded store, simulated cloud and remote access with a
 * 3 s boot and 2 s shutdown on a hand-moved clock), the scheduled driver off — tests call
 * {@link #driver}{@code .tick()} and {@link #reaper}{@code .tick()} themselves — and before each test only the
 * demo templates plus {@code tmpl-broken} (an image the simulated cloud never boots).
 */
@SubgraphTest
@Import(LabsIntegrationTest.ClockConfig.class)
@TestPropertySource(properties = {"cycube.labs.driver.enabled=false", "cycube.labs.change-stream-enabled=false",
        "cycube.labs.default-quota=3"})
public abstract class LabsIntegrationTest {

    public static final String BROKEN_IMAGE = "ami-00000000deadbeef0";

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
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
    protected MutableClock clock;

    @Autowired
    protected ProvisioningDriver driver;

    @Autowired
    protected LabReaper reaper;

    @Autowired
    private LabsIndexes indexes;

    @Autowired
    protected EventProcessing events;

    @Autowired
    protected EventLog eventLog;

    /** The LAB cubes the tests launch (all on tmpl-kali-ssh but cube-broken-lab), in one published GLOBAL course. */
    public static final List<String> TEST_LAB_CUBES = List.of("cube-linux-lab", "cube-webapp-lab", "cube-other",
            "cube-1", "cube-2", "cube-3", "cube-4");

    @BeforeEach
    void onlyTheDemoTemplatesAndTheTestCourse() {
        events.drain();
        for (String collection : new String[] {"lab_instances", "lab_quotas", "lab_templates", "lab_cubes", "lab_course_archives"}) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
        }
        indexes.run(null);
        new DemoData(mongo).run(null);
        mongo.insert(new LabTemplateDocument("tmpl-broken", "Never boots", BROKEN_IMAGE, "t3.micro", LabProtocol.VNC, 5901,
                30, 60, Instant.EPOCH, Instant.EPOCH));
        List<Document> cubes = new ArrayList<>();
        TEST_LAB_CUBES.forEach(cube -> cubes.add(cube(cube, "LAB", "tmpl-kali-ssh")));
        cubes.add(cube("cube-broken-lab", "LAB", "tmpl-broken"));
        cubes.add(cube("cube-test-quiz", "QUIZ", null));
        publishCourse(null, "course-labs-test", 1, cubes);
    }

    // ------------------------------------------------------------------ what other subgraphs announce

    /** A cube of a {@code catalog.CoursePublished} payload. */
    protected static Document cube(String cubeId, String kind, String labTemplateId) {
        return new Document("cubeId", cubeId).append("moduleId", "module-" + cubeId).append("kind", kind)
                .append("labTemplateId", labTemplateId).append("estimatedMinutes", 30).append("position", 1);
    }

    /**
     * What the catalog announces when a course is published ({@code organizationId} null: a GLOBAL course), appended
     * to the event log as the catalog's relay would, then delivered to labs' handlers.
     */
    protected DomainEvent publishCourse(String organizationId, String courseId, int version, List<Document> cubes) {
        List<Document> positioned = new ArrayList<>();
        for (int i = 0; i < cubes.size(); i++) {
            positioned.add(new Document(cubes.get(i)).append("position", i + 1));
        }
        Document payload = new Document("courseId", courseId).append("version", version).append("title", "Course " + courseId)
                .append("visibility", organizationId == null ? "GLOBAL" : "ORGANIZATION")
                .append("organizationId", organizationId).append("cubes", positioned);
        return announce(new DomainEvent(UUID.randomUUID().toString(), "catalog.CoursePublished", organizationId, "catalog",
                clock.instant(), payload));
    }

    /** What identity announces about an organization (a snapshot taken at {@code occurredAt}). */
    protected DomainEvent organizationChanged(String organizationId, int labQuota, boolean active, Instant occurredAt) {
        return organizationChanged(organizationId, labQuota, active, occurredAt, null);
    }

    /** The same with identity's snapshot {@code version} (null: an event from before versions existed). */
    protected DomainEvent organizationChanged(String organizationId, int labQuota, boolean active, Instant occurredAt, Long version) {
        Document payload = new Document("organizationId", organizationId).append("name", organizationId)
                .append("seatLimit", 50).append("labQuota", labQuota).append("active", active);
        if (version != null) {
            payload.append("version", version);
        }
        return announce(new DomainEvent(UUID.randomUUID().toString(), "identity.OrganizationChanged", organizationId,
                "identity", occurredAt, payload));
    }

    protected DomainEvent announce(DomainEvent event) {
        eventLog.append(event);
        events.drain();
        return event;
    }

    /** The events of {@code type} that {@code action} produced (relayed from labs' outbox). */
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


    /** Launches a lab as {@code persona} for {@code cubeId} on {@code tmpl-kali-ssh}; returns its id. */
    protected String launch(Persona persona, String cubeId) {
        return launch(persona, cubeId, "tmpl-kali-ssh");
    }

    protected String launch(Persona persona, String cubeId, String templateId) {
        return as(persona, Ops.LAUNCH, Map.of("input", Map.of("cubeId", cubeId, "templateId", templateId)))
                .assertNoErrors().get("data.launchLab.lab.id");
    }

    /** Launches and drives the lab until RUNNING (the simulated VM boots in 3 s). */
    protected String running(Persona persona, String cubeId) {
        String id = launch(persona, cubeId);
        clock.advance(java.time.Duration.ofSeconds(4));
        driver.tick();
        return id;
    }

    protected LabInstanceDocument stored(String id) {
        return mongo.findById(id, LabInstanceDocument.class);
    }
}
