package com.cycube.training;

import com.cycube.testing.MutableClock;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventProcessing;
import com.cycube.testing.GraphQlTestClient;
import com.cycube.testing.Persona;
import com.cycube.testing.SubgraphTest;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.people.PeopleStore;
import com.cycube.training.people.Seats;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The base of training's HTTP tests: one shared context (embedded store, a hand-moved clock, a MongoDB command
 * recorder), events delivered only by {@link #drain()}. Before each test the training database and the event
 * log are emptied and the catalog and identity facts every test starts from are delivered as events — exactly
 * how training learns them in production:
 * <ul>
 *   <li>GLOBAL {@code course-phishing}: read-1 (READING), quiz-1 (QUIZ), lab-1 (LAB);</li>
 *   <li>GLOBAL {@code course-linux}: linux-read (READING), linux-lab (LAB); path {@code path-soc} = phishing + linux;</li>
 *   <li>{@code course-acme-ir} owned by Acme: ir-read (READING), ir-quiz (QUIZ);
 *       {@code course-globex-secrets} owned by Globex; {@code course-retired} published then archived;</li>
 *   <li>people: Acme's trainee in team {@code team-acme-soc1}, Acme's manager, Globex's trainee and manager in
 *       {@code team-globex-red}; no seat limits.</li>
 * </ul>
 */
@SubgraphTest
@Import(TrainingIntegrationTest.TestBeans.class)
public abstract class TrainingIntegrationTest {

    public static final String ACME = Persona.ACME;
    public static final String GLOBEX = Persona.GLOBEX;
    public static final String SOC1 = "team-acme-soc1";
    public static final String RED = "team-globex-red";
    public static final Persona OTHER_ACME_TRAINEE =
            Persona.person("00000000-0000-4000-8000-000000000013", "other@acme.test", "Olga Other", "TRAINEE", ACME);

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        MongoCommands mongoCommands() {
            return new MongoCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordCommands(MongoCommands commands) {
            return settings -> settings.addCommandListener(commands);
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
    protected MongoCommands commands;

    /** The real people store, spied so a test can let something happen right after a read (reset after each test). */
    @MockitoSpyBean
    protected PeopleStore peopleStore;

    /** The real seat ledger, spied so a test can make a claim fail (reset after each test). */
    @MockitoSpyBean
    protected Seats seats;

    @BeforeEach
    void startFromTheCommonFacts() {
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.startsWith("system.")) {
                mongo.remove(new Query(), collection);
            }
        }
        mongoClient.getDatabase("cycube-events").getCollection("events").deleteMany(new Document());
        coursePublished("course-phishing", null, 1, "Spotting phishing",
                cube("read-1", "READING"), cube("quiz-1", "QUIZ"), cube("lab-1", "LAB"));
        coursePublished("course-linux", null, 1, "Linux basics", cube("linux-read", "READING"), cube("linux-lab", "LAB"));
        pathPublished("path-soc", null, "course-phishing", "course-linux");
        coursePublished("course-acme-ir", ACME, 1, "Acme incident response", cube("ir-read", "READING"), cube("ir-quiz", "QUIZ"));
        coursePublished("course-globex-secrets", GLOBEX, 1, "Globex secrets", cube("gx-read", "READING"));
        coursePublished("course-retired", null, 1, "Retired course", cube("old-read", "READING"));
        append("catalog.CourseArchived", null, new Document("courseId", "course-retired"));
        userChanged(Persona.ACME_TRAINEE, SOC1);
        userChanged(Persona.ACME_MANAGER);
        userChanged(OTHER_ACME_TRAINEE);
        userChanged(Persona.GLOBEX_TRAINEE, RED);
        userChanged(Persona.GLOBEX_MANAGER);
        drain();
    }

    // ------------------------------------------------------------------ events, as the other subgraphs send them

    protected void drain() {
        events.drain();
    }

    /** The next event time: the hand-moved clock, 1 ms later than the previous event. */
    protected Instant nextEventTime() {
        clock.advance(Duration.ofMillis(1));
        return clock.instant();
    }

    protected DomainEvent append(String type, String orgId, Document payload) {
        DomainEvent event = new DomainEvent(UUID.randomUUID().toString(), type, orgId, type.substring(0, type.indexOf('.')),
                nextEventTime(), payload);
        eventLog.append(event);
        return event;
    }

    protected static Document cube(String id, String kind) {
        return new Document("cubeId", id).append("moduleId", "module-1").append("kind", kind)
                .append("labTemplateId", "LAB".equals(kind) ? "tmpl-kali-ssh" : null).append("estimatedMinutes", 10);
    }

    protected DomainEvent coursePublished(String courseId, String orgId, int version, String title, Document... cubes) {
        List<Document> ordered = new ArrayList<>();
        for (int i = 0; i < cubes.length; i++) {
            ordered.add(new Document(cubes[i]).append("position", i));
        }
        return append("catalog.CoursePublished", orgId, new Document("courseId", courseId).append("version", version)
                .append("title", title).append("visibility", orgId == null ? "GLOBAL" : "ORGANIZATION")
                .append("organizationId", orgId).append("cubes", ordered));
    }

    protected DomainEvent pathPublished(String pathId, String orgId, String... courseIds) {
        return append("catalog.LearningPathPublished", orgId, new Document("pathId", pathId).append("title", "Path " + pathId)
                .append("visibility", orgId == null ? "GLOBAL" : "ORGANIZATION").append("organizationId", orgId)
                .append("courseIds", List.of(courseIds)));
    }

    protected DomainEvent userChanged(Persona persona, String... teamIds) {
        return append("identity.UserChanged", persona.organizationId(), new Document("userId", persona.subject())
                .append("displayName", persona.name()).append("role", persona.role())
                .append("teamIds", List.of(teamIds)).append("active", true));
    }

    protected DomainEvent organizationChanged(String orgId, Integer seatLimit) {
        return append("identity.OrganizationChanged", orgId, new Document("organizationId", orgId).append("name", orgId)
                .append("seatLimit", seatLimit).append("labQuota", 5).append("active", true));
    }

    protected DomainEvent quizPassed(Persona trainee, String cubeId, int score) {
        return append("assessment.QuizPassed", trainee.organizationId(), new Document("userId", trainee.subject())
                .append("cubeId", cubeId).append("score", score).append("points", score).append("maxPoints", 100));
    }

    protected DomainEvent answerSubmitted(Persona trainee, String cubeId, int attempt) {
        return append("assessment.AnswerSubmitted", trainee.organizationId(), new Document("userId", trainee.subject())
                .append("cubeId", cubeId).append("questionId", "q-1").append("correct", false).append("points", 0)
                .append("attempt", attempt));
    }

    protected DomainEvent objectivesMet(Persona trainee, String cubeId) {
        return append("labs.LabObjectivesMet", trainee.organizationId(), new Document("labId", "lab-" + cubeId)
                .append("userId", trainee.subject()).append("cubeId", cubeId));
    }

    protected DomainEvent labStateChanged(Persona trainee, String cubeId, String state, String previous) {
        return append("labs.LabStateChanged", trainee.organizationId(), new Document("labId", "lab-" + cubeId)
                .append("userId", trainee.subject()).append("cubeId", cubeId).append("templateId", "tmpl-kali-ssh")
                .append("state", state).append("previousState", previous));
    }

    // ------------------------------------------------------------------ GraphQL

    protected GraphQlTestClient.Response as(Persona persona, String query) {
        return as(persona, query, Map.of());
    }

    protected GraphQlTestClient.Response as(Persona persona, String query, Map<String, ?> variables) {
        return GraphQlTestClient.forPort(port).as(persona).execute(query, variables);
    }

    protected GraphQlTestClient.Response anonymous(String query, Map<String, ?> variables) {
        return GraphQlTestClient.forPort(port).anonymous().execute(query, variables);
    }


    /** Enrolls {@code persona} in {@code courseId}; returns the enrollment id. */
    protected String enroll(Persona persona, String courseId) {
        return as(persona, Ops.ENROLL, Map.of("input", Map.of("courseId", courseId))).assertNoErrors()
                .get("data.enroll.enrollments[0].id");
    }

    protected GraphQlTestClient.Response assign(Persona persona, Map<String, Object> input) {
        return as(persona, Ops.ASSIGN, Map.of("input", input));
    }

    protected String inAWeek() {
        return clock.instant().plus(Duration.ofDays(7)).toString();
    }

    protected EnrollmentDocument stored(String enrollmentId) {
        return mongo.findById(enrollmentId, EnrollmentDocument.class);
    }

    protected long enrollmentCount() {
        return mongo.count(new Query(), EnrollmentDocument.class);
    }

    protected String trainingDatabase() {
        return mongo.getDb().getName();
    }

    protected static Date date(Instant instant) {
        return Date.from(instant);
    }
}
