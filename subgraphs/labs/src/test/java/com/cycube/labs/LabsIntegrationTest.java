package com.cycube.labs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cycube.labs.demo.DemoData;
import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.provisioning.LabReaper;
import com.cycube.labs.provisioning.ProvisioningDriver;
import com.cycube.labs.templates.LabProtocol;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.support.audit.AuditLog;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventProcessing;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.MutableClock;
import com.cycube.testclient.Persona;
import com.cycube.testing.ProducedEvents;
import com.cycube.testing.SubgraphTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
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
 * {@link #driver}{@code .tick()} and {@link #reaper}{@code .tick()} themselves — a quota of 3 labs per organization,
 * at most 3 resets per lab and 5 per user an hour, and before each test only the demo templates plus
 * {@code tmpl-broken} (an image the simulated cloud never boots).
 */
@SubgraphTest
@Import(LabsIntegrationTest.ClockConfig.class)
@TestPropertySource(properties = {"cycube.labs.driver.enabled=false", "cycube.change-streams.enabled=false",
        "cycube.labs.default-quota=3", "cycube.labs.reset-limit.per-user=5"})
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
        for (String collection : new String[] {"lab_instances", "lab_quotas", "lab_templates", "lab_cubes", "lab_course_archives",
                "lab_quota_usage", "lab_reset_limits"}) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
        }
        indexes.run(null);
        new DemoData(mongo).run(null);
        mongo.insert(new LabTemplateDocument("tmpl-broken", "Never boots", BROKEN_IMAGE, "t3.micro", LabProtocol.VNC, 5901,
                30, 60, Instant.EPOCH, Instant.EPOCH));
        List<CoursePublished.Cube> cubes = new ArrayList<>();
        TEST_LAB_CUBES.forEach(cube -> cubes.add(cube(cube, "LAB", "tmpl-kali-ssh")));
        cubes.add(cube("cube-broken-lab", "LAB", "tmpl-broken"));
        cubes.add(cube("cube-test-quiz", "QUIZ", null));
        publishCourse(null, "course-labs-test", 1, cubes);
    }

    // ------------------------------------------------------------------ what other subgraphs announce

    /** A cube of a {@link CoursePublished} payload (its position is set by {@link #publishCourse}). */
    protected static CoursePublished.Cube cube(String cubeId, String kind, String labTemplateId) {
        return new CoursePublished.Cube(cubeId, "module-" + cubeId, kind, labTemplateId, 30, 1);
    }

    /** What the catalog announces when a course is published ({@code organizationId} null: a GLOBAL course). */
    protected DomainEvent coursePublished(String organizationId, String courseId, int version, List<CoursePublished.Cube> cubes,
                                          Instant at) {
        List<CoursePublished.Cube> positioned = new ArrayList<>();
        for (int i = 0; i < cubes.size(); i++) {
            CoursePublished.Cube cube = cubes.get(i);
            positioned.add(new CoursePublished.Cube(cube.cubeId(), cube.moduleId(), cube.kind(), cube.labTemplateId(),
                    cube.estimatedMinutes(), i + 1));
        }
        return DomainEvent.of(organizationId, at, new CoursePublished(courseId, version, "Course " + courseId,
                organizationId == null ? "GLOBAL" : "ORGANIZATION", organizationId, positioned));
    }

    /** {@link #coursePublished} appended to the event log as the catalog's relay would, then delivered to labs' handlers. */
    protected DomainEvent publishCourse(String organizationId, String courseId, int version, List<CoursePublished.Cube> cubes) {
        return announce(coursePublished(organizationId, courseId, version, cubes, clock.instant()));
    }

    /** What identity announces about an organization: the snapshot {@code version}, made at {@code occurredAt}. */
    protected DomainEvent organizationChanged(String organizationId, int labQuota, boolean active, Instant occurredAt, long version) {
        return announce(DomainEvent.of(organizationId, occurredAt,
                new OrganizationChanged(organizationId, organizationId, 50, labQuota, active, version)));
    }

    protected DomainEvent announce(DomainEvent event) {
        eventLog.append(event);
        events.drain();
        return event;
    }

    /** The events of {@code type} that {@code action} produced (relayed from labs' outbox). */
    protected List<DomainEvent> eventsOf(Class<? extends EventPayload> type, Runnable action) {
        return ProducedEvents.during(events, eventLog, EventPayload.typeOf(type), action);
    }

    /** The audit records ({@code cycube.audit}, one JSON object each) written while {@code action} ran. */
    protected static List<String> auditedDuring(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
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
