package com.cycube.benchmark;

import com.cycube.devstack.LocalStack;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Set-up steps a trainee would take before the measured part. */
final class Journey {

    private final LocalStack stack;
    private final String token;

    Journey(LocalStack stack, String token) {
        this.stack = stack;
        this.token = token;
    }

    /** Enrolls the trainee in every published course they can see, so the dashboard has rows to show. */
    void enrollInEveryVisibleCourse() {
        JsonNode courses = Graph.call(stack.routerUrl(), token,
                "{ courses(first: 50) { edges { node { id } } } }", Map.of()).path("courses").path("edges");
        for (JsonNode edge : courses) {
            String courseId = edge.path("node").path("id").asString();
            awaitEnrollable(courseId);
        }
    }

    /** Training learns about courses from catalog's events: retry briefly while they are still on their way. */
    private void awaitEnrollable(String courseId) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                Graph.call(stack.routerUrl(), token,
                        "mutation($i: EnrollInput!) { enroll(input: $i) { enrollments { id } } }",
                        Map.of("i", Map.of("courseId", courseId)));
                return;
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                sleep(500);
            }
        }
    }

    /** Launches a lab and waits until it runs; returns its id. */
    String runningLab(String cubeId, String templateId) {
        String labId = Graph.call(stack.routerUrl(), token,
                        "mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }",
                        Map.of("i", Map.of("cubeId", cubeId, "templateId", templateId)))
                .path("launchLab").path("lab").path("id").asString();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            String state = Graph.call(stack.routerUrl(), token, "query($id: ID!) { labInstance(id: $id) { state } }",
                    Map.of("id", labId)).path("labInstance").path("state").asString();
            if ("RUNNING".equals(state)) {
                return labId;
            }
            sleep(250);
        }
        throw new IllegalStateException("lab " + labId + " did not reach RUNNING within 60 s");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
