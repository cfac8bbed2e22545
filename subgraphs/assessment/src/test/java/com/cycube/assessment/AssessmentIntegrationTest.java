package com.cycube.assessment;

import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventProcessing;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.MutableClock;
import com.cycube.testclient.Persona;
import com.cycube.testing.SubgraphTest;
import com.mongodb.client.MongoClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The base of assessment's HTTP tests: one shared context (embedded store, events drained by hand, a hand-moved
 * clock). Before each test the store and the event log are empty and the catalog has "published" (as events):
 * a GLOBAL course with a QUIZ, a LAB and a READING cube, and an Acme course and a Globex course with one QUIZ cube
 * each.
 */
@SubgraphTest
@Import(AssessmentIntegrationTest.ClockConfig.class)
public abstract class AssessmentIntegrationTest {

    public static final String GLOBAL_QUIZ = "cube-global-quiz";
    public static final String GLOBAL_LAB = "cube-global-lab";
    public static final String GLOBAL_READING = "cube-global-reading";
    public static final String ACME_QUIZ = "cube-acme-quiz";
    public static final String GLOBEX_QUIZ = "cube-globex-quiz";

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
    protected EventLog eventLog;

    @Autowired
    protected EventProcessing events;

    @Autowired
    private MongoClient mongoClient;

    @Autowired
    private AssessmentIndexes indexes;

    @BeforeEach
    void aFreshStoreWithThreePublishedCourses() {
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.startsWith("system.")) {
                mongo.remove(new Query(), collection);
            }
        }
        new MongoTemplate(mongoClient, "cycube-events").remove(new Query(), "events");
        indexes.run(null);
        events.start();
        publishCourse("course-global", null, "Global Security Basics",
                cube(GLOBAL_QUIZ, "QUIZ"), cube(GLOBAL_LAB, "LAB"), cube(GLOBAL_READING, "READING"));
        publishCourse("course-acme", Persona.ACME, "Acme Playbook", cube(ACME_QUIZ, "QUIZ"));
        publishCourse("course-globex", Persona.GLOBEX, "Globex Playbook", cube(GLOBEX_QUIZ, "QUIZ"));
    }

    protected static CoursePublished.Cube cube(String id, String kind) {
        return new CoursePublished.Cube(id, "module-" + id, kind, "LAB".equals(kind) ? "tmpl-kali-ssh" : null, 10, 0);
    }

    /** What the catalog would emit on the first publishCourse (docs/events.md), delivered at once. */
    protected void publishCourse(String courseId, String organizationId, String title, CoursePublished.Cube... cubes) {
        publish(DomainEvent.of(organizationId, clock.instant(), new CoursePublished(courseId, 1, title,
                organizationId == null ? "GLOBAL" : "ORGANIZATION", organizationId, List.of(cubes))));
    }

    protected void publish(DomainEvent event) {
        eventLog.append(event);
        events.drain();
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


    // ------------------------------------------------------------------------------------------------ questions

    protected String createQuestion(Persona author, Map<String, Object> input) {
        return as(author, Ops.CREATE, Map.of("input", input)).assertNoErrors().get("data.createQuestion.question.id");
    }

    protected static Map<String, Object> singleChoice(String cubeId, int points) {
        return new java.util.HashMap<>(Map.of("cubeId", cubeId, "kind", "SINGLE_CHOICE", "prompt", "Pick the safe action",
                "points", points, "options", List.of(
                        Map.of("text", "Click the link", "correct", false),
                        Map.of("text", "Report it", "correct", true),
                        Map.of("text", "Reply", "correct", false))));
    }

    protected static Map<String, Object> flagQuestion(String cubeId, String flag, boolean caseInsensitive, int maxAttempts) {
        return new java.util.HashMap<>(Map.of("cubeId", cubeId, "kind", "FLAG", "prompt", "Submit the flag",
                "flag", flag, "flagCaseInsensitive", caseInsensitive, "maxAttempts", maxAttempts, "points", 20));
    }

    /** The option ids of a choice question in order, as a trainee sees them. */
    protected List<String> optionIds(Persona persona, String questionId) {
        return as(persona, "query($id: ID!) { question(id: $id) { options { id } } }", Map.of("id", questionId))
                .assertNoErrors().get("data.question.options[*].id");
    }

    protected GraphQlClient.Response submit(Persona persona, String questionId, String field, Object value) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("questionId", questionId);
        input.put(field, value);
        return as(persona, Ops.SUBMIT, Map.of("input", input));
    }

    /** Every event of this type assessment announced so far (the log is emptied before each test). */
    protected List<DomainEvent> produced(Class<? extends EventPayload> type) {
        events.drain();
        return eventLog.ofType(EventPayload.typeOf(type));
    }
}
