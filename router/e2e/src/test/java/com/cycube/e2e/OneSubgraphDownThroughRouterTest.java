package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One subgraph down degrades only its own fields: with each subgraph but identity stopped in turn, the trainee
 * dashboard — the frontend's own {@code TraineeDashboard} operation — still returns everything the other subgraphs
 * own, and the stopped subgraph's fields are null with an error that names it. The fields a subgraph adds to another
 * subgraph's entity ({@code User.enrollments}, {@code User.certificates}, ...) are nullable for exactly this.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneSubgraphDownThroughRouterTest {

    /** No other test enrolls this trainee or launches their labs, so what the dashboard shows is known. */
    private static final String TRAINEE = "trainee@globex.test";
    private static final String COURSE = "course-phishing";
    private static final String COURSE_TITLE = "Phishing Defense Fundamentals";
    private static final String LAB_CUBE = "cube-phishing-mailbox-lab";

    private final LocalStack stack;
    private final String dashboard;
    private String enrollmentId;
    private String labId;

    OneSubgraphDownThroughRouterTest(LocalStack stack) throws IOException {
        this.stack = stack;
        Path root = Path.of(System.getProperty("cycube.repository.root", "../.."));
        this.dashboard = Files.readString(root.resolve("client-codegen/operations/Dashboard.graphql"));
    }

    private GraphQlClient trainee() {
        return GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token(TRAINEE));
    }

    private GraphQlClient.Response dashboard() {
        return trainee().execute(dashboard, Map.of("first", 20));
    }

    /** The trainee holds an enrollment (training, its course from catalog) and an active lab (labs). */
    @BeforeAll
    void the_trainee_has_an_enrollment_and_an_active_lab() {
        enrollmentId = onceKnown("mutation($i: EnrollInput!) { enroll(input: $i) { enrollments { id } } }",
                Map.of("courseId", COURSE)).<List<String>>get("data.enroll.enrollments[*].id").get(0);
        labId = onceKnown("mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }",
                Map.of("cubeId", LAB_CUBE)).get("data.launchLab.lab.id");

        GraphQlClient.Response healthy = dashboard().assertNoErrors();
        for (String subgraph : List.of("identity", "training", "catalog", "assessment", "labs")) {
            answered(subgraph).accept(healthy);
        }
    }

    /** Training and labs learn courses and cubes from catalog's events: on a fresh stack, NOT_FOUND for a moment. */
    private GraphQlClient.Response onceKnown(String mutation, Map<String, String> input) {
        GraphQlClient trainee = trainee();
        return await("catalog's content reaching the subgraph of " + mutation).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> trainee.execute(mutation, Map.of("i", input)), reply -> !reply.errorCodes().contains("NOT_FOUND"))
                .assertNoErrors();
    }

    @AfterAll
    void the_lab_is_ended() {
        if (labId != null) {
            trainee().execute("mutation($i: TerminateLabInput!) { terminateLab(input: $i) { lab { id } } }",
                    Map.of("i", Map.of("id", labId)));
        }
    }

    @ParameterizedTest(name = "with {0} down, the dashboard keeps what the other subgraphs own and only {0}''s fields are null")
    @ValueSource(strings = {"catalog", "training", "assessment", "labs"})
    void with_one_subgraph_down_the_dashboard_keeps_what_the_others_own_and_only_its_fields_are_null(String down) {
        stack.stopSubgraph(down);
        try {
            GraphQlClient.Response reply = dashboard();

            for (String subgraph : reachableWithout(down)) {
                answered(subgraph).accept(reply);
            }
            lost(down).accept(reply);
            assertThat(reply.<List<String>>get("errors[*].extensions.service")).as(reply.toString())
                    .isNotEmpty().containsOnly(down);
            assertThat(reply.errorCodes()).as(reply.toString()).isNotEmpty().doesNotContainNull();
            assertThat(reply.body()).doesNotContain("127.0.0.1").doesNotContain("localhost").doesNotContain("Exception");
        } finally {
            stack.startSubgraph(down);
        }
    }

    /** Every subgraph still up, identity (the root of the page) first; catalog's course fields are reached only through training's enrollments. */
    private static List<String> reachableWithout(String down) {
        return switch (down) {
            case "catalog" -> List.of("identity", "training", "assessment", "labs");
            case "training" -> List.of("identity", "assessment", "labs");
            case "assessment" -> List.of("identity", "training", "catalog", "labs");
            case "labs" -> List.of("identity", "training", "catalog", "assessment");
            default -> throw new IllegalArgumentException(down);
        };
    }

    /** What each subgraph contributes to the dashboard, as answered. */
    private Consumer<GraphQlClient.Response> answered(String subgraph) {
        return reply -> {
            switch (subgraph) {
                case "identity" -> {
                    assertThat(reply.<Object>get("data.me")).as("me, with identity's data: " + reply).isNotNull();
                    assertThat(reply.<String>get("data.me.displayName")).as(reply.toString()).isEqualTo("Greg Trainee");
                    assertThat(reply.<String>get("data.me.organization.name")).isEqualTo("Globex");
                    assertThat(reply.<List<String>>get("data.me.teams[*].name")).contains("Red Team");
                }
                case "training" -> {
                    assertThat(reply.<List<String>>get("data.me.enrollments.edges[*].node.id")).as(reply.toString()).contains(enrollmentId);
                    assertThat(reply.<List<Integer>>get(enrollment("progress.totalCubes"))).singleElement()
                            .satisfies(cubes -> assertThat(cubes).isPositive());
                }
                case "catalog" -> assertThat(reply.<List<String>>get(enrollment("course.title"))).as(reply.toString())
                        .containsExactly(COURSE_TITLE);
                case "assessment" -> assertThat(reply.<Object>get("data.me.certificates")).as(reply.toString())
                        .isInstanceOf(List.class);
                case "labs" -> assertThat(reply.<List<String>>get("data.me.activeLabs[*].id")).as(reply.toString()).contains(labId);
                default -> throw new IllegalArgumentException(subgraph);
            }
        };
    }

    /** What a stopped subgraph contributes to the dashboard: null (its parent is kept). */
    private Consumer<GraphQlClient.Response> lost(String subgraph) {
        return reply -> {
            switch (subgraph) {
                case "catalog" -> assertThat(reply.<List<Object>>get(enrollment("course"))).as(reply.toString()).containsExactly((Object) null);
                case "training" -> assertThat(reply.<Object>get("data.me.enrollments")).as(reply.toString()).isNull();
                case "assessment" -> assertThat(reply.<Object>get("data.me.certificates")).as(reply.toString()).isNull();
                case "labs" -> assertThat(reply.<Object>get("data.me.activeLabs")).as(reply.toString()).isNull();
                default -> throw new IllegalArgumentException(subgraph);
            }
        };
    }

    /** A path inside the trainee's enrollment (a JSON-path filter: the answer is a list of one). */
    private String enrollment(String path) {
        return "data.me.enrollments.edges[?(@.node.id == '" + enrollmentId + "')].node." + path;
    }
}
