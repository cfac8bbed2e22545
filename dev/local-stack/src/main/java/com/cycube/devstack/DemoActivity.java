package com.cycube.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learning that `./cycube up` does once on a fresh store, through the router as the seeded people, so the dashboards,
 * reports and learning records have something to show: Adam (trainee@acme.test) works through parts of three courses
 * (readings, the Linux quiz, study time, a lab), Alice (manager@acme.test) assigns the web-application course to her
 * team due in a week, Greg (trainee@globex.test) starts phishing. Every step is a real API call, so each subgraph's data
 * and every event are what a person's clicks would make. Skipped when Adam already has enrollments (a store kept from an
 * earlier run); a failing step is reported and the rest goes on — the stack is up either way.
 */
final class DemoActivity {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalStack stack;
    private final Consumer<String> progress;

    DemoActivity(LocalStack stack, Consumer<String> progress) {
        this.stack = stack;
        this.progress = progress;
    }

    void run() {
        try {
            Person adam = new Person("trainee@acme.test");
            if (adam.call("{ myEnrollments(first: 1) { totalCount } }").path("myEnrollments").path("totalCount").asInt() > 0) {
                return; // kept from an earlier run
            }
            progress.accept("demo activity: Adam, Alice and Greg learn a little so the dashboards show something");
            String phishing = adam.enroll("course-phishing");
            String linux = adam.enroll("course-linux");
            adam.enroll("course-acme-ir");
            adam.completeReading(phishing, "cube-phishing-anatomy");
            adam.studied(phishing, 900);
            adam.completeReading(linux, "cube-linux-navigation");
            adam.completeReading(linux, "cube-linux-grep");
            adam.call("mutation($i: SubmitAnswerInput!) { submitAnswer(input: $i) { correct } }",
                    Map.of("i", Map.of("questionId", "q-linux-pwd", "choices", List.of("q-linux-pwd-o2"))));
            adam.call("mutation($i: SubmitAnswerInput!) { submitAnswer(input: $i) { correct } }",
                    Map.of("i", Map.of("questionId", "q-linux-port", "number", 22)));
            adam.studied(linux, 2400);
            adam.call("mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }",
                    Map.of("i", Map.of("cubeId", "cube-linux-triage-lab")));
            new Person("manager@acme.test").call(
                    "mutation($i: AssignTrainingInput!) { assignTraining(input: $i) { assignment { id } } }",
                    Map.of("i", Map.of("courseId", "course-webapp", "teamIds", List.of("team-acme-soc1"),
                            "dueAt", Instant.now().plus(Duration.ofDays(7)).toString())));
            Person greg = new Person("trainee@globex.test");
            greg.completeReading(greg.enroll("course-phishing"), "cube-phishing-anatomy");
        } catch (RuntimeException failed) {
            progress.accept("demo activity stopped early (" + failed.getMessage() + "); the stack runs anyway");
        }
    }

    /** One seeded person calling the graph through the router. */
    private final class Person {
        private final String email;
        private final String token;

        Person(String email) {
            this.email = email;
            this.token = stack.token(email);
        }

        JsonNode call(String query) {
            return call(query, Map.of());
        }

        JsonNode call(String query, Map<String, ?> variables) {
            JsonNode reply = post(query, variables);
            if (reply.has("errors")) {
                throw new IllegalStateException(email + ": " + reply.path("errors").get(0).path("message").asString());
            }
            return reply.path("data");
        }

        /** Enrolls, waiting while the course has not reached training yet (it learns courses by event). */
        String enroll(String courseId) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                JsonNode reply = post("mutation($i: EnrollInput!) { enroll(input: $i) { enrollments { id } } }",
                        Map.of("i", Map.of("courseId", courseId)));
                if (!reply.has("errors")) {
                    return reply.path("data").path("enroll").path("enrollments").get(0).path("id").asString();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(email + " could not enroll in " + courseId + ": "
                            + reply.path("errors").get(0).path("message").asString());
                }
                pause();
            }
        }

        void completeReading(String enrollmentId, String cubeId) {
            call("mutation($i: CompleteReadingInput!) { completeReading(input: $i) { enrollment { id } } }",
                    Map.of("i", Map.of("enrollmentId", enrollmentId, "cubeId", cubeId)));
        }

        void studied(String enrollmentId, int seconds) {
            call("mutation($i: RecordStudyTimeInput!) { recordStudyTime(input: $i) { enrollment { id } } }",
                    Map.of("i", Map.of("enrollmentId", enrollmentId, "seconds", seconds)));
        }

        private JsonNode post(String query, Map<String, ?> variables) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.routerUrl()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("query", query, "variables", variables)))).build();
            try {
                return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
            } catch (IOException e) {
                throw new IllegalStateException(email + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private static void pause() {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
