package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlWsClient.Message;
import com.cycube.testclient.GraphQlWsClient.Received;
import com.cycube.testclient.GraphQlWsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The heart of the product, through the router with real Keycloak tokens: a trainee enrolls, reads, passes a quiz,
 * works a lab and earns a verifiable certificate while the trainee and their manager watch progress move live; events
 * between assessment, labs and training survive a restart; rate limits and quotas hold; another organization sees
 * none of it.
 */
@ExtendWith(RunningStack.class)
class TraineeJourneyThroughRouterTest {

    private static final String PROGRESS = """
            subscription($input: ProgressUpdatedInput) {
              progressUpdated(input: $input) { id progress { percent completedCubes totalCubes status } }
            }""";
    private static final String ENROLL =
            "mutation($i: EnrollInput!) { enroll(input: $i) { alreadyEnrolled enrollments { id } } }";
    private static final String LAB_QUOTA = "{ labQuota(organizationId: \"org-acme\") { maxConcurrentLabs } }";
    private static final String SUBMIT = """
            mutation($i: SubmitAnswerInput!) {
              submitAnswer(input: $i) { correct points attemptsLeft quizResult { score passed } }
            }""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalStack stack;

    TraineeJourneyThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    private GraphQlClient as(String email) {
        return GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token(email));
    }

    /** Training learns courses from catalog's events: a fresh stack may need a moment before the first enroll. */
    private static String enroll(GraphQlClient trainee, String courseId) {
        GraphQlClient.Response enrolled = await("course " + courseId + " reaching training").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> tryToEnroll(trainee, courseId), reply -> reply.errorCodes().isEmpty());
        return enrolled.<List<String>>get("data.enroll.enrollments[*].id").get(0);
    }

    /** One attempt: NOT_FOUND (the course has not reached training yet) is the only error worth another try. */
    private static GraphQlClient.Response tryToEnroll(GraphQlClient trainee, String courseId) {
        GraphQlClient.Response reply = trainee.execute(ENROLL, Map.of("i", Map.of("courseId", courseId)));
        assertThat(reply.errorCodes()).as(reply.toString()).isSubsetOf("NOT_FOUND");
        return reply;
    }

    private static JsonNode awaitProgress(GraphQlWsClient socket, String enrollmentId, Predicate<JsonNode> done)
            throws InterruptedException {
        while (true) {
            JsonNode message = socket.nextMessage(Duration.ofSeconds(45)).json();
            assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
            JsonNode enrollment = message.path("payload").path("data").path("progressUpdated");
            if (enrollment.path("id").asString().equals(enrollmentId) && done.test(enrollment.path("progress"))) {
                return enrollment.path("progress");
            }
        }
    }

    /**
     * Subscriptions start asynchronously (client → router → training): nudge the enrollment with a harmless change
     * (one second of study time) until every socket has seen a push, so no later change can be missed.
     */
    private static void awaitListening(GraphQlClient trainee, String enrollmentId, GraphQlWsClient... sockets) {
        Set<GraphQlWsClient> waiting = new HashSet<>(List.of(sockets));
        await("every subscription started").atMost(Duration.ofSeconds(45)).until(() -> {
            trainee.execute("mutation($i: RecordStudyTimeInput!) { recordStudyTime(input: $i) { enrollment { id } } }",
                    Map.of("i", Map.of("enrollmentId", enrollmentId, "seconds", 1))).assertNoErrors();
            for (GraphQlWsClient socket : List.copyOf(waiting)) {
                Optional<Received> pushed = socket.poll(Duration.ofSeconds(2));
                if (pushed.isPresent()) {
                    assertThat(pushed.get()).isInstanceOfSatisfying(Message.class,
                            message -> assertThat(message.type()).as(message.text()).isEqualTo("next"));
                    waiting.remove(socket);
                }
            }
            return waiting.isEmpty();
        });
    }

    private JsonNode progressOf(GraphQlClient graph, String enrollmentId) {
        GraphQlClient.Response reply = graph.execute("query($id: ID!) { enrollment(id: $id) { progress { percent completedCubes totalCubes status cubes { cubeId completed } } } }",
                Map.of("id", enrollmentId));
        return JSON.readTree(reply.body())
                .path("data").path("enrollment").path("progress");
    }

    @Test
    void a_trainee_walks_a_course_to_a_verifiable_certificate_while_trainee_and_manager_watch_progress_live()
            throws Exception {
        GraphQlClient trainee = as("trainee@acme.test");
        GraphQlClient manager = as("manager@acme.test");
        String enrollmentId = enroll(trainee, "course-linux");
        assertThat(trainee.execute(ENROLL, Map.of("i", Map.of("courseId", "course-linux"))).assertNoErrors().<Boolean>get("data.enroll.alreadyEnrolled"))
                .as("enrolling twice returns the same enrollment").isTrue();

        try (GraphQlWsClient mine = GraphQlWsClient.connect(stack.routerUrl(), stack.token("trainee@acme.test"));
             GraphQlWsClient team = GraphQlWsClient.connect(stack.routerUrl(), stack.token("manager@acme.test"))) {
            mine.subscribe("own", PROGRESS, Map.of());
            team.subscribe("org", PROGRESS, Map.of("input", Map.of("organizationWide", true)));
            awaitListening(trainee, enrollmentId, mine, team);

            for (String reading : List.of("cube-linux-navigation", "cube-linux-grep")) {
                trainee.execute("mutation($i: CompleteReadingInput!) { completeReading(input: $i) { enrollment { id } } }",
                        Map.of("i", Map.of("enrollmentId", enrollmentId, "cubeId", reading))).assertNoErrors();
            }
            awaitProgress(mine, enrollmentId, progress -> progress.path("completedCubes").asInt() >= 2);

            // the quiz: assessment grades, tells training by event, training pushes the new progress
            assertThat(trainee.execute(SUBMIT, Map.of("i", Map.of("questionId", "q-linux-pwd", "choices", List.of("q-linux-pwd-o2"))))
                    .assertNoErrors().<Boolean>get("data.submitAnswer.correct")).isTrue();
            GraphQlClient.Response port = trainee.execute(SUBMIT, Map.of("i", Map.of("questionId", "q-linux-port", "number", 22))).assertNoErrors();
            assertThat(port.<Boolean>get("data.submitAnswer.quizResult.passed")).isTrue();
            assertThat(port.body()).as("no answer key in the reply").doesNotContain("numericAnswer");
            awaitProgress(mine, enrollmentId, progress -> progress.path("completedCubes").asInt() >= 3);
            awaitProgress(team, enrollmentId, progress -> progress.path("completedCubes").asInt() >= 3);

            // the lab: launched, running, its flag found; a platform lab's objectives are confirmed by the automated
            // checker or root, never by a manager (who might be confirming their own lab)
            String labId = trainee.execute("mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }",
                    Map.of("i", Map.of("cubeId", "cube-linux-triage-lab"))).assertNoErrors().get("data.launchLab.lab.id");
            awaitRunning(trainee, labId);
            assertThat(trainee.execute(SUBMIT, Map.of("i", Map.of("questionId", "q-linux-triage-flag", "flag", "cycube{GREP-the-auth-log}")))
                    .assertNoErrors().<Boolean>get("data.submitAnswer.correct")).isTrue();
            GraphQlClient root = as("root@cycube.local");
            for (String objective : List.of("shell-on-target", "evidence-found")) {
                assertThat(manager.execute("mutation($i: RecordLabObjectiveInput!) { recordLabObjective(input: $i) { lab { id } } }",
                        Map.of("i", Map.of("labId", labId, "objectiveId", objective))).errorCodes()).containsExactly("FORBIDDEN");
                root.execute("mutation($i: RecordLabObjectiveInput!) { recordLabObjective(input: $i) { lab { id } } }",
                        Map.of("i", Map.of("labId", labId, "objectiveId", objective))).assertNoErrors();
            }
            JsonNode done = awaitProgress(mine, enrollmentId, progress -> "COMPLETED".equals(progress.path("status").asString()));
            assertThat(done.path("percent").asInt()).isEqualTo(100);
            assertThat(done.path("completedCubes").asInt()).as("each cube counted once").isEqualTo(done.path("totalCubes").asInt());
            awaitProgress(team, enrollmentId, progress -> "COMPLETED".equals(progress.path("status").asString()));
        }

        String code = awaitCertificate(trainee, "Linux Command Line for Defenders");
        GraphQlClient anonymous = GraphQlClient.forUrl(stack.routerUrl());
        GraphQlClient.Response verified = anonymous.execute("query($c: String!) { verifyCertificate(code: $c) { authentic holderName courseTitle issuedAt } }",
                Map.of("c", code)).assertNoErrors();
        assertThat(verified.<Boolean>get("data.verifyCertificate.authentic")).isTrue();
        assertThat(verified.<String>get("data.verifyCertificate.courseTitle")).isEqualTo("Linux Command Line for Defenders");
        String forged = code.substring(0, code.length() - 2) + (code.endsWith("AA") ? "BB" : "AA");
        assertThat(anonymous.execute("query($c: String!) { verifyCertificate(code: $c) { authentic holderName } }", Map.of("c", forged))
                .<Boolean>get("data.verifyCertificate.authentic")).as("a forged code is detected").isFalse();
    }

    @Test
    void a_quiz_passed_while_training_is_down_counts_once_when_training_is_back() {
        GraphQlClient trainee = as("trainee@acme.test");
        String enrollmentId = enroll(trainee, "course-phishing");

        stack.stopSubgraph("training");
        try {
            trainee.execute(SUBMIT, Map.of("i", Map.of("questionId", "q-phishing-urgency", "choices", List.of("q-phishing-urgency-o2")))).assertNoErrors();
            assertThat(trainee.execute(SUBMIT, Map.of("i", Map.of("questionId", "q-phishing-tells",
                            "choices", List.of("q-phishing-tells-o1", "q-phishing-tells-o2", "q-phishing-tells-o3"))))
                    .assertNoErrors().<Boolean>get("data.submitAnswer.quizResult.passed")).isTrue();
        } finally {
            stack.startSubgraph("training");
        }

        await("the quiz counted once training is back").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> progressOf(trainee, enrollmentId).path("completedCubes").asInt() >= 1);
        // time for any duplicate delivery to (wrongly) count again: the count must stay 1 throughout
        await("the quiz counted only once").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> progressOf(trainee, enrollmentId).path("completedCubes").asInt() == 1);
        JsonNode progress = progressOf(trainee, enrollmentId);
        assertThat(progress.path("completedCubes").asInt()).as(progress.toString()).isEqualTo(1);
    }

    @Test
    void flag_brute_force_is_refused_with_rate_limited() {
        GraphQlClient attacker = as("trainee@globex.test");
        List<String> codes = new ArrayList<>();
        // the limit is 5 flag guesses per fixed one-minute window: 12 guesses (seconds apart at most) fall into at most
        // two windows, so one of them holds at least 6 whatever the start time (8 could split 4 + 4)
        int guesses = 12;
        for (int guess = 0; guess < guesses; guess++) {
            codes.addAll(attacker.execute(SUBMIT, Map.of("i", Map.of("questionId", "q-linux-triage-flag", "flag", "CYCUBE{guess-" + guess + "}")))
                    .errorCodes());
        }
        assertThat(codes).contains("RATE_LIMITED");
        JsonNode progress = JSON.readTree(attacker.execute(
                "{ question(id: \"q-linux-triage-flag\") { myProgress { attemptsUsed solved } } }").body());
        assertThat(progress.path("data").path("question").path("myProgress").path("attemptsUsed").asInt())
                .as("refused guesses are not recorded as attempts").isLessThan(guesses);
    }

    @Test
    void the_lab_quota_set_in_identity_is_enforced_by_labs() {
        GraphQlClient root = as("root@cycube.local");
        int before = labQuota(root);
        GraphQlClient trainee = as("trainee@acme.test");
        trainee.execute("mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }",
                Map.of("i", Map.of("cubeId", "cube-webapp-sqli-lab"))).assertNoErrors(); // at least one active lab
        try {
            setLabQuota(root, 1);
            GraphQlClient.Response refused = as("manager@acme.test").execute("mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }",
                    Map.of("i", Map.of("cubeId", "cube-linux-triage-lab")));
            assertThat(refused.errorCodes()).as(refused.toString()).containsExactly("CONFLICT");
        } finally {
            setLabQuota(root, before);
        }
    }

    @Test
    void another_organization_cannot_see_or_follow_an_acme_enrollment() throws Exception {
        String enrollmentId = enroll(as("trainee@acme.test"), "course-webapp");
        GraphQlClient globex = as("trainee@globex.test");

        GraphQlClient.Response read = globex.execute("query($id: ID!) { enrollment(id: $id) { id progress { percent } } }", Map.of("id", enrollmentId));
        assertThat(read.body()).doesNotContain("\"percent\"");
        try (GraphQlWsClient socket = GraphQlWsClient.connect(stack.routerUrl(), stack.token("trainee@globex.test"))) {
            socket.subscribe("1", PROGRESS, Map.of("input", Map.of("enrollmentId", enrollmentId)));
            assertThat(socket.nextMessage(Duration.ofSeconds(15)).json().toString()).contains("NOT_FOUND").doesNotContain("\"percent\"");
        }
        GraphQlClient.Response entities = GraphQlClient.forUrl(stack.subgraphUrl("training")).withToken(stack.token("trainee@globex.test")).execute(
                "query($r: [_Any!]!) { _entities(representations: $r) { ... on Enrollment { id progress { percent } } } }",
                Map.of("r", List.of(Map.of("__typename", "Enrollment", "id", enrollmentId))));
        assertThat(entities.body()).doesNotContain("\"percent\"");
    }

    private void setLabQuota(GraphQlClient root, int quota) {
        root.execute("mutation($i: UpdateOrganizationQuotasInput!) { updateOrganizationQuotas(input: $i) { organization { id } } }",
                Map.of("i", Map.of("organizationId", "org-acme", "labQuota", quota))).assertNoErrors();
        await("labs learning the quota " + quota + " from identity's event").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> labQuota(root), now -> now == quota);
    }

    private static int labQuota(GraphQlClient root) {
        return root.execute(LAB_QUOTA).assertNoErrors().get("data.labQuota.maxConcurrentLabs");
    }

    private static void awaitRunning(GraphQlClient trainee, String labId) {
        await("lab " + labId + " RUNNING").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> trainee.execute("query($id: ID!) { labInstance(id: $id) { state } }", Map.of("id", labId))
                        .assertNoErrors().<String>get("data.labInstance.state"), "RUNNING"::equals);
    }

    private static String awaitCertificate(GraphQlClient trainee, String courseTitle) {
        List<String> codes = await("a certificate for " + courseTitle).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> trainee.execute("{ me { certificates { courseTitle verificationCode } } }").assertNoErrors()
                        .<List<String>>get("data.me.certificates[?(@.courseTitle == '" + courseTitle + "')].verificationCode"),
                        found -> !found.isEmpty());
        return codes.get(0);
    }
}
