package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.devstack.LocalStack;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

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
    private static final String SUBMIT = """
            mutation($i: SubmitAnswerInput!) {
              submitAnswer(input: $i) { correct points attemptsLeft quizResult { score passed } }
            }""";

    private final LocalStack stack;

    TraineeJourneyThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    private Graph as(String email) {
        return new Graph(stack.routerUrl(), stack.token(email));
    }

    /** Training learns courses from catalog's events: a fresh stack may need a moment before the first enroll. */
    private String enroll(Graph trainee, String courseId) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Graph.Reply reply = trainee.query("mutation($i: EnrollInput!) { enroll(input: $i) { alreadyEnrolled enrollments { id } } }",
                    Map.of("i", Map.of("courseId", courseId)));
            if (reply.errorCodes().isEmpty()) {
                return reply.<List<String>>get("data.enroll.enrollments[*].id").get(0);
            }
            assertThat(reply.errorCodes()).as(reply.toString()).containsOnly("NOT_FOUND");
            assertThat(System.nanoTime()).as("course %s never reached training", courseId).isLessThan(deadline);
            sleep(500);
        }
    }

    private static JsonNode awaitProgress(GraphQlWebSocket socket, String enrollmentId, Predicate<JsonNode> done)
            throws InterruptedException {
        while (true) {
            JsonNode message = socket.next(45);
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
    private static void awaitListening(Graph trainee, String enrollmentId, GraphQlWebSocket... sockets)
            throws InterruptedException {
        java.util.Set<GraphQlWebSocket> waiting = new java.util.HashSet<>(List.of(sockets));
        long deadline = System.nanoTime() + 45_000_000_000L;
        while (!waiting.isEmpty()) {
            assertThat(System.nanoTime()).as("subscriptions never started").isLessThan(deadline);
            trainee.query("mutation($i: RecordStudyTimeInput!) { recordStudyTime(input: $i) { enrollment { id } } }",
                    Map.of("i", Map.of("enrollmentId", enrollmentId, "seconds", 1))).assertNoErrors();
            for (GraphQlWebSocket socket : List.copyOf(waiting)) {
                try {
                    JsonNode message = socket.next(2);
                    assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
                    waiting.remove(socket);
                } catch (AssertionError notYet) {
                    if (!String.valueOf(notYet.getMessage()).startsWith("No WebSocket message")) {
                        throw notYet;
                    }
                }
            }
        }
    }

    private JsonNode progressOf(Graph graph, String enrollmentId) {
        Graph.Reply reply = graph.query("query($id: ID!) { enrollment(id: $id) { progress { percent completedCubes totalCubes status cubes { cubeId completed } } } }",
                Map.of("id", enrollmentId));
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(reply.body())
                .path("data").path("enrollment").path("progress");
    }

    @Test
    void a_trainee_walks_a_course_to_a_verifiable_certificate_while_trainee_and_manager_watch_progress_live()
            throws Exception {
        Graph trainee = as("trainee@acme.test");
        Graph manager = as("manager@acme.test");
        String enrollmentId = enroll(trainee, "course-linux");
        assertThat(trainee.query("mutation($i: EnrollInput!) { enroll(input: $i) { alreadyEnrolled enrollments { id } } }",
                        Map.of("i", Map.of("courseId", "course-linux"))).assertNoErrors().<Boolean>get("data.enroll.alreadyEnrolled"))
                .as("enrolling twice returns the same enrollment").isTrue();

        try (GraphQlWebSocket mine = GraphQlWebSocket.connect(stack.routerUrl(), stack.token("trainee@acme.test"));
             GraphQlWebSocket team = GraphQlWebSocket.connect(stack.routerUrl(), stack.token("manager@acme.test"))) {
            mine.subscribe("own", PROGRESS, Map.of());
            team.subscribe("org", PROGRESS, Map.of("input", Map.of("organizationWide", true)));
            awaitListening(trainee, enrollmentId, mine, team);

            for (String reading : List.of("cube-linux-navigation", "cube-linux-grep")) {
                trainee.query("mutation($i: CompleteReadingInput!) { completeReading(input: $i) { enrollment { id } } }",
                        Map.of("i", Map.of("enrollmentId", enrollmentId, "cubeId", reading))).assertNoErrors();
            }
            awaitProgress(mine, enrollmentId, progress -> progress.path("completedCubes").asInt() >= 2);

            // the quiz: assessment grades, tells training by event, training pushes the new progress
            assertThat(trainee.query(SUBMIT, Map.of("i", Map.of("questionId", "q-linux-pwd", "choices", List.of("q-linux-pwd-o2"))))
                    .assertNoErrors().<Boolean>get("data.submitAnswer.correct")).isTrue();
            Graph.Reply port = trainee.query(SUBMIT, Map.of("i", Map.of("questionId", "q-linux-port", "number", 22))).assertNoErrors();
            assertThat(port.<Boolean>get("data.submitAnswer.quizResult.passed")).isTrue();
            assertThat(port.body()).as("no answer key in the reply").doesNotContain("numericAnswer");
            awaitProgress(mine, enrollmentId, progress -> progress.path("completedCubes").asInt() >= 3);
            awaitProgress(team, enrollmentId, progress -> progress.path("completedCubes").asInt() >= 3);

            // the lab: launched, running, its flag found, its objectives confirmed by the manager
            String labId = trainee.query("mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }",
                    Map.of("i", Map.of("cubeId", "cube-linux-triage-lab"))).assertNoErrors().get("data.launchLab.lab.id");
            awaitRunning(trainee, labId);
            assertThat(trainee.query(SUBMIT, Map.of("i", Map.of("questionId", "q-linux-triage-flag", "flag", "cycube{GREP-the-auth-log}")))
                    .assertNoErrors().<Boolean>get("data.submitAnswer.correct")).isTrue();
            for (String objective : List.of("shell-on-target", "evidence-found")) {
                manager.query("mutation($i: RecordLabObjectiveInput!) { recordLabObjective(input: $i) { lab { id } } }",
                        Map.of("i", Map.of("labId", labId, "objectiveId", objective))).assertNoErrors();
            }
            JsonNode done = awaitProgress(mine, enrollmentId, progress -> "COMPLETED".equals(progress.path("status").asString()));
            assertThat(done.path("percent").asInt()).isEqualTo(100);
            assertThat(done.path("completedCubes").asInt()).as("each cube counted once").isEqualTo(done.path("totalCubes").asInt());
            awaitProgress(team, enrollmentId, progress -> "COMPLETED".equals(progress.path("status").asString()));
        }

        String code = awaitCertificate(trainee, "Linux Command Line for Defenders");
        Graph anonymous = new Graph(stack.routerUrl(), null);
        Graph.Reply verified = anonymous.query("query($c: String!) { verifyCertificate(code: $c) { authentic holderName courseTitle issuedAt } }",
                Map.of("c", code)).assertNoErrors();
        assertThat(verified.<Boolean>get("data.verifyCertificate.authentic")).isTrue();
        assertThat(verified.<String>get("data.verifyCertificate.courseTitle")).isEqualTo("Linux Command Line for Defenders");
        String forged = code.substring(0, code.length() - 2) + (code.endsWith("AA") ? "BB" : "AA");
        assertThat(anonymous.query("query($c: String!) { verifyCertificate(code: $c) { authentic holderName } }", Map.of("c", forged))
                .<Boolean>get("data.verifyCertificate.authentic")).as("a forged code is detected").isFalse();
    }

    @Test
    void a_quiz_passed_while_training_is_down_counts_once_when_training_is_back() {
        Graph trainee = as("trainee@acme.test");
        String enrollmentId = enroll(trainee, "course-phishing");

        stack.stopSubgraph("training");
        try {
            trainee.query(SUBMIT, Map.of("i", Map.of("questionId", "q-phishing-urgency", "choices", List.of("q-phishing-urgency-o2")))).assertNoErrors();
            assertThat(trainee.query(SUBMIT, Map.of("i", Map.of("questionId", "q-phishing-tells",
                            "choices", List.of("q-phishing-tells-o1", "q-phishing-tells-o2", "q-phishing-tells-o3"))))
                    .assertNoErrors().<Boolean>get("data.submitAnswer.quizResult.passed")).isTrue();
        } finally {
            stack.startSubgraph("training");
        }

        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode progress = progressOf(trainee, enrollmentId);
        while (progress.path("completedCubes").asInt() < 1 && System.nanoTime() < deadline) {
            sleep(300);
            progress = progressOf(trainee, enrollmentId);
        }
        sleep(2_000); // time for any duplicate delivery to (wrongly) count again
        progress = progressOf(trainee, enrollmentId);
        assertThat(progress.path("completedCubes").asInt()).as(progress.toString()).isEqualTo(1);
    }

    @Test
    void flag_brute_force_is_refused_with_rate_limited() {
        Graph attacker = as("trainee@globex.test");
        List<String> codes = new java.util.ArrayList<>();
        for (int guess = 0; guess < 8; guess++) {
            codes.addAll(attacker.query(SUBMIT, Map.of("i", Map.of("questionId", "q-linux-triage-flag", "flag", "CYCUBE{guess-" + guess + "}")))
                    .errorCodes());
        }
        assertThat(codes).contains("RATE_LIMITED");
        JsonNode progress = tools.jackson.databind.json.JsonMapper.builder().build().readTree(attacker.query(
                "{ question(id: \"q-linux-triage-flag\") { myProgress { attemptsUsed solved } } }").body());
        assertThat(progress.path("data").path("question").path("myProgress").path("attemptsUsed").asInt())
                .as("refused guesses are not recorded as attempts").isLessThan(8);
    }

    @Test
    void the_lab_quota_set_in_identity_is_enforced_by_labs() {
        Graph root = as("root@cycube.local");
        int before = root.query("{ labQuota(organizationId: \"org-acme\") { maxConcurrentLabs } }").assertNoErrors()
                .get("data.labQuota.maxConcurrentLabs");
        Graph trainee = as("trainee@acme.test");
        trainee.query("mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }",
                Map.of("i", Map.of("cubeId", "cube-webapp-sqli-lab"))).assertNoErrors(); // at least one active lab
        try {
            setLabQuota(root, 1);
            Graph.Reply refused = as("manager@acme.test").query("mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }",
                    Map.of("i", Map.of("cubeId", "cube-linux-triage-lab")));
            assertThat(refused.errorCodes()).as(refused.toString()).containsExactly("CONFLICT");
        } finally {
            setLabQuota(root, before);
        }
    }

    @Test
    void another_organization_cannot_see_or_follow_an_acme_enrollment() throws Exception {
        String enrollmentId = enroll(as("trainee@acme.test"), "course-webapp");
        Graph globex = as("trainee@globex.test");

        Graph.Reply read = globex.query("query($id: ID!) { enrollment(id: $id) { id progress { percent } } }", Map.of("id", enrollmentId));
        assertThat(read.body()).doesNotContain("\"percent\"");
        try (GraphQlWebSocket socket = GraphQlWebSocket.connect(stack.routerUrl(), stack.token("trainee@globex.test"))) {
            socket.subscribe("1", PROGRESS, Map.of("input", Map.of("enrollmentId", enrollmentId)));
            assertThat(socket.next(15).toString()).contains("NOT_FOUND").doesNotContain("\"percent\"");
        }
        Graph.Reply entities = new Graph(stack.subgraphUrl("training"), stack.token("trainee@globex.test")).query(
                "query($r: [_Any!]!) { _entities(representations: $r) { ... on Enrollment { id progress { percent } } } }",
                Map.of("r", List.of(Map.of("__typename", "Enrollment", "id", enrollmentId))));
        assertThat(entities.body()).doesNotContain("\"percent\"");
    }

    private void setLabQuota(Graph root, int quota) {
        root.query("mutation($i: UpdateOrganizationQuotasInput!) { updateOrganizationQuotas(input: $i) { organization { id } } }",
                Map.of("i", Map.of("organizationId", "org-acme", "labQuota", quota))).assertNoErrors();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) { // identity → event → labs
            int now = root.query("{ labQuota(organizationId: \"org-acme\") { maxConcurrentLabs } }").assertNoErrors()
                    .get("data.labQuota.maxConcurrentLabs");
            if (now == quota) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("labs did not learn the quota " + quota + " within 20 s");
    }

    private static void awaitRunning(Graph trainee, String labId) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            String state = trainee.query("query($id: ID!) { labInstance(id: $id) { state } }", Map.of("id", labId))
                    .assertNoErrors().get("data.labInstance.state");
            if ("RUNNING".equals(state)) {
                return;
            }
            sleep(250);
        }
        throw new AssertionError("lab " + labId + " not RUNNING within 60 s");
    }

    private static String awaitCertificate(Graph trainee, String courseTitle) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> codes = trainee.query("{ me { certificates { courseTitle verificationCode } } }").assertNoErrors()
                    .get("data.me.certificates[?(@.courseTitle == '" + courseTitle + "')].verificationCode");
            if (!codes.isEmpty()) {
                return codes.get(0);
            }
            sleep(300);
        }
        throw new AssertionError("no certificate for " + courseTitle + " within 30 s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
