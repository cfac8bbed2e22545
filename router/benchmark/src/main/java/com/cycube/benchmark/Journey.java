package com.cycube.benchmark;

import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Set-up steps a trainee would take before the measured part; every step fails loudly on errors. */
final class Journey {

    private final GraphQlClient trainee;

    Journey(LocalStack stack, String token) {
        this.trainee = GraphQlClient.forUrl(stack.routerUrl()).withToken(token);
    }

    /** Enrolls the trainee in every published course they can see, so the dashboard has rows to show. */
    void enrollInEveryVisibleCourse() {
        List<String> courseIds = trainee.execute("{ courses(first: 50) { edges { node { id } } } }").assertNoErrors()
                .get("data.courses.edges[*].node.id");
        courseIds.forEach(this::awaitEnrollable);
    }

    /** Training learns about courses from catalog's events: retry briefly while they are still on their way. */
    private void awaitEnrollable(String courseId) {
        await("course " + courseId + " enrollable").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IllegalStateException.class) // the request itself failed: try again
                .until(() -> trainee.execute("mutation($i: EnrollInput!) { enroll(input: $i) { enrollments { id } } }",
                        Map.of("i", Map.of("courseId", courseId))), reply -> reply.status() == 200 && !reply.hasErrors());
    }

    /** Launches a lab and waits until it runs; returns its id. */
    String runningLab(String cubeId, String templateId) {
        String labId = trainee.execute("mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }",
                Map.of("i", Map.of("cubeId", cubeId, "templateId", templateId))).assertNoErrors().get("data.launchLab.lab.id");
        await("lab " + labId + " RUNNING").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> trainee.execute("query($id: ID!) { labInstance(id: $id) { state } }", Map.of("id", labId))
                        .assertNoErrors().<String>get("data.labInstance.state"), "RUNNING"::equals);
        return labId;
    }
}
