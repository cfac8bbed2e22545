package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlSseClient;
import com.cycube.testclient.GraphQlWsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Live updates do not depend on which instance made the change or which transport the client speaks: a second labs
 * instance shares the database, the router keeps talking to the first, and the change stream carries the change
 * from one to the other. Also the SSE transport for clients that cannot open a WebSocket.
 */
@ExtendWith(RunningStack.class)
class LiveUpdatesAcrossInstancesTest {

    private static final String LAB_UPDATED = "subscription($id: ID!) { labUpdated(id: $id) { id state connectionUrl } }";

    private final LocalStack stack;

    LiveUpdatesAcrossInstancesTest(LocalStack stack) {
        this.stack = stack;
    }

    private static String launchLab(String url, String token, String cubeId, String templateId) {
        return GraphQlClient.forUrl(url).withToken(token).execute(
                        "mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id state } } }",
                        Map.of("i", Map.of("cubeId", cubeId, "templateId", templateId)))
                .assertNoErrors().get("data.launchLab.lab.id");
    }

    @Test
    void a_lab_terminated_through_a_second_instance_is_pushed_to_a_subscriber_of_the_first() throws Exception {
        String secondInstance = stack.startExtraInstance("labs");
        String token = stack.token("trainee@acme.test");
        String labId = launchLab(stack.routerUrl(), token, "cube-phishing-mailbox-lab", "tmpl-windows-rdp");

        List<String> states = new ArrayList<>();
        try (GraphQlWsClient socket = GraphQlWsClient.connect(stack.routerUrl(), token)) {
            socket.subscribe("1", LAB_UPDATED, Map.of("id", labId));
            states.add(state(socket.nextMessage(Duration.ofSeconds(30)).json()));

            GraphQlClient.forUrl(secondInstance).withToken(token).execute(
                    "mutation($i: TerminateLabInput!) { terminateLab(input: $i) { lab { id state } } }",
                    Map.of("i", Map.of("id", labId))).assertNoErrors();

            while (!states.contains("STOPPING") && !states.contains("TERMINATED")) {
                states.add(state(socket.nextMessage(Duration.ofSeconds(30)).json()));
            }
        }
        assertThat(states).containsAnyOf("STOPPING", "TERMINATED");
    }

    @Test
    void a_lab_is_followed_over_server_sent_events_until_it_runs() throws Exception {
        String token = stack.token("trainee@acme.test");
        String labId = launchLab(stack.routerUrl(), token, "cube-acme-ir-isolation-lab", "tmpl-windows-rdp");

        List<String> states = new ArrayList<>();
        String connectionUrl = null;
        try (GraphQlSseClient stream = GraphQlSseClient.subscribe(stack.routerUrl(), token, LAB_UPDATED, Map.of("id", labId))) {
            while (!states.contains("RUNNING")) {
                JsonNode result = stream.next(Duration.ofSeconds(30));
                assertThat(result.path("errors").isMissingNode()).as(result.toString()).isTrue();
                JsonNode lab = result.path("data").path("labUpdated");
                states.add(lab.path("state").asString());
                connectionUrl = lab.path("connectionUrl").isNull() ? null : lab.path("connectionUrl").asString();
            }
        }
        assertThat(connectionUrl).isNotBlank();
    }

    private static String state(JsonNode message) {
        assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
        return message.path("payload").path("data").path("labUpdated").path("state").asString();
    }
}
