package com.cycube.training;

import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.catalog.LearningPathPublished;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.contracts.labs.LabObjectivesMet;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.testing.EventFedSubgraphTest;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.people.PeopleStore;
import com.cycube.training.people.SeatStore;
import com.cycube.training.people.Seats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
 * Events are made as their producers make them, from the contract records; snapshots and publications carry the next
 * {@code version} of their entity.
 */
@Import(TrainingIntegrationTest.TestBeans.class)
public abstract class TrainingIntegrationTest extends EventFedSubgraphTest {

    public static final String ACME = Persona.ACME;
    public static final String GLOBEX = Persona.GLOBEX;
    public static final String SOC1 = "team-acme-soc1";
    public static final String RED = "team-globex-red";
    public static final Persona OTHER_ACME_TRAINEE =
            Persona.person("00000000-0000-4000-8000-000000000013", "other@acme.test", "Olga Other", "TRAINEE", ACME);

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {
        @Bean
        MongoCommands mongoCommands() {
            return new MongoCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordCommands(MongoCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }

    @Autowired
    protected MongoCommands commands;

    /** The real people store, spied so a test can let something happen right after a read (reset after each test). */
    @MockitoSpyBean
    protected PeopleStore peopleStore;

    /** The real seat ledger's storage, spied so a test can make a claim lose its races (reset after each test). */
    @MockitoSpyBean
    protected SeatStore seatStore;

    @Autowired
    protected Seats seats;

    @BeforeEach
    void startFromTheCommonFacts() {
        startEmpty();
        coursePublished("course-phishing", null, 1, "Spotting phishing",
                cube("read-1", "READING"), cube("quiz-1", "QUIZ"), cube("lab-1", "LAB"));
        coursePublished("course-linux", null, 1, "Linux basics", cube("linux-read", "READING"), cube("linux-lab", "LAB"));
        pathPublished("path-soc", null, "course-phishing", "course-linux");
        coursePublished("course-acme-ir", ACME, 1, "Acme incident response", cube("ir-read", "READING"), cube("ir-quiz", "QUIZ"));
        coursePublished("course-globex-secrets", GLOBEX, 1, "Globex secrets", cube("gx-read", "READING"));
        coursePublished("course-retired", null, 1, "Retired course", cube("old-read", "READING"));
        append(null, new CourseArchived("course-retired"));
        userChanged(Persona.ACME_TRAINEE, SOC1);
        userChanged(Persona.ACME_MANAGER);
        userChanged(OTHER_ACME_TRAINEE);
        userChanged(Persona.GLOBEX_TRAINEE, RED);
        userChanged(Persona.GLOBEX_MANAGER);
        drain();
    }

    // ------------------------------------------------------------------ events, as the other subgraphs send them

    /** A cube of a course; its position is given by {@link #coursePublished}. */
    protected static CoursePublished.Cube cube(String id, String kind) {
        return new CoursePublished.Cube(id, "module-1", kind, "LAB".equals(kind) ? "tmpl-kali-ssh" : null, 10, 0);
    }

    protected DomainEvent coursePublished(String courseId, String orgId, int version, String title, CoursePublished.Cube... cubes) {
        List<CoursePublished.Cube> ordered = IntStream.range(0, cubes.length).mapToObj(i -> new CoursePublished.Cube(
                cubes[i].cubeId(), cubes[i].moduleId(), cubes[i].kind(), cubes[i].labTemplateId(), cubes[i].estimatedMinutes(),
                i + 1)).toList();
        return append(orgId, new CoursePublished(courseId, version, title, visibility(orgId), orgId, ordered));
    }

    protected DomainEvent pathPublished(String pathId, String orgId, String... courseIds) {
        return append(orgId, new LearningPathPublished(pathId, nextVersion(pathId), "Path " + pathId, visibility(orgId), orgId,
                List.of(courseIds)));
    }

    private static String visibility(String orgId) {
        return orgId == null ? "GLOBAL" : "ORGANIZATION";
    }

    protected DomainEvent userChanged(Persona persona, String... teamIds) {
        return append(persona.organizationId(), new UserChanged(persona.subject(), persona.name(), persona.role(),
                List.of(teamIds), true, nextVersion(persona.subject())));
    }

    protected DomainEvent organizationChanged(String orgId, int seatLimit) {
        return append(orgId, new OrganizationChanged(orgId, orgId, seatLimit, 5, true, nextVersion(orgId)));
    }

    protected DomainEvent quizPassed(Persona trainee, String cubeId, int score) {
        return append(trainee.organizationId(), new QuizPassed(trainee.subject(), cubeId, score, score, 100));
    }

    protected DomainEvent answerSubmitted(Persona trainee, String cubeId, int attempt) {
        return append(trainee.organizationId(), new AnswerSubmitted(trainee.subject(), cubeId, "q-1", false, 0, attempt));
    }

    protected DomainEvent objectivesMet(Persona trainee, String cubeId) {
        return append(trainee.organizationId(), new LabObjectivesMet("lab-" + cubeId, trainee.subject(), cubeId));
    }

    protected DomainEvent labStateChanged(Persona trainee, String cubeId, String state, String previous) {
        return append(trainee.organizationId(), new LabStateChanged("lab-" + cubeId, trainee.subject(), cubeId,
                "tmpl-kali-ssh", state, previous));
    }

    // ------------------------------------------------------------------ GraphQL

    protected GraphQlClient.Response anonymous(String query, Map<String, ?> variables) {
        return GraphQlClient.forPort(port).anonymous().execute(query, variables);
    }


    /** Enrolls {@code persona} in {@code courseId}; returns the enrollment id. */
    protected String enroll(Persona persona, String courseId) {
        return as(persona, Ops.ENROLL, Map.of("input", Map.of("courseId", courseId))).assertNoErrors()
                .get("data.enroll.enrollments[0].id");
    }

    protected GraphQlClient.Response assign(Persona persona, Map<String, Object> input) {
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
}
