package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlWsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A trainee launches a lab and watches it come up live: labUpdated over the router's WebSocket,
 * from the labs subgraph's change stream, with a real Keycloak token in connection_init.
 */
@ExtendWith(RunningStack.class)
class LabLiveUpdatesThroughRouterTest {

    private static final String LAB_UPDATED = "subscription($id: ID!) { labUpdated(id: $id) { id state connectionUrl } }";

    private final LocalStack stack;

    LabLiveUpdatesThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    private String launchLab(String token, String cubeId) {
        GraphQlClient.Response launched = GraphQlClient.forUrl(stack.routerUrl()).withToken(token).execute(
                "mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id state } } }",
                Map.of("i", Map.of("cubeId", cubeId, "templateId", "tmpl-kali-ssh"))).assertNoErrors();
        return launched.get("data.launchLab.lab.id");
    }

    @Test
    void a_launched_lab_is_pushed_live_until_it_runs_with_its_connection_url() throws Exception {
        // a person with no other lab on this cube in the whole run, so the lab is new (relaunching returns the running one)
        String token = stack.token("manager@acme.test");
        String labId = launchLab(token, "cube-linux-triage-lab");

        List<String> states = new ArrayList<>();
        String connectionUrl = null;
        try (GraphQlWsClient socket = GraphQlWsClient.connect(stack.routerUrl(), token)) {
            socket.subscribe("1", LAB_UPDATED, Map.of("id", labId));
            while (!states.contains("RUNNING")) {
                JsonNode message = socket.nextMessage(Duration.ofSeconds(30)).json();
                assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
                JsonNode lab = message.path("payload").path("data").path("labUpdated");
                states.add(lab.path("state").asString());
                connectionUrl = lab.path("connectionUrl").isNull() ? null : lab.path("connectionUrl").asString();
            }
        }

        assertThat(states).contains("RUNNING");
        assertThat(states.get(0)).isIn("REQUESTED", "PROVISIONING");
        assertThat(connectionUrl).as("the owner gets the connection URL once RUNNING").isNotBlank();
    }

    @Test
    void another_organization_cannot_follow_the_lab() throws Exception {
        String labId = launchLab(stack.token("trainee@acme.test"), "cube-webapp-sqli-lab");

        try (GraphQlWsClient socket = GraphQlWsClient.connect(stack.routerUrl(), stack.token("trainee@globex.test"))) {
            socket.subscribe("1", LAB_UPDATED, Map.of("id", labId));
            JsonNode message = socket.nextMessage(Duration.ofSeconds(15)).json();

            assertThat(message.toString()).doesNotContain("connectionUrl\":\"http").contains("NOT_FOUND");
        }
    }
}
