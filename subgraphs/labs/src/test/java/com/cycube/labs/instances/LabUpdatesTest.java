package com.cycube.labs.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;
import reactor.core.Disposable;

/**
 * {@code labUpdated} is fed by the change stream of the lab collection: a change stored by any instance
 * reaches this instance's subscribers; only stored changes are pushed; it ends at a final state.
 */
@TestPropertySource(properties = "cycube.change-streams.enabled=true")
class LabUpdatesTest extends LabsIntegrationTest {

    static final String SUBSCRIPTION = """
            subscription($id: ID!) { labUpdated(id: $id) { id state revision connectionUrl expiryWarningSentAt } }""";

    @Autowired
    LabUpdates updates;

    @Test
    void a_change_written_to_the_collection_by_another_instance_reaches_a_subscriber() throws Exception {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        BlockingQueue<LabInstanceDocument> received = new LinkedBlockingQueue<>();
        Disposable subscription = updates.follow(id).subscribe(received::add);
        try {
            assertThat(received.poll(5, TimeUnit.SECONDS)).extracting(LabInstanceDocument::state).isEqualTo(LabState.PROVISIONING);

            // what another instance's driver stores: the compare-and-set to RUNNING
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().set("state", "RUNNING").set("address", "10.77.0.5").inc("revision", 1), LabInstanceDocument.class);
            LabInstanceDocument pushed = received.poll(5, TimeUnit.SECONDS);
            assertThat(pushed).isNotNull();
            assertThat(pushed.state()).isEqualTo(LabState.RUNNING);
            assertThat(pushed.address()).isEqualTo("10.77.0.5");

            // a write to another lab is not pushed to this subscriber
            launch(Persona.ACME_TRAINEE, "cube-other");
            assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void the_outbox_relay_pulling_a_labs_events_pushes_no_duplicate_of_its_unchanged_state() throws Exception {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab"); // its LabStateChanged events wait in _outbox
        BlockingQueue<LabInstanceDocument> received = new LinkedBlockingQueue<>();
        Disposable subscription = updates.follow(id).subscribe(received::add);
        try {
            assertThat(received.poll(5, TimeUnit.SECONDS)).extracting(LabInstanceDocument::state).isEqualTo(LabState.PROVISIONING);

            events.drain(); // the relay's $pull of _outbox: a change event, same revision and state
            assertThat(received.poll(700, TimeUnit.MILLISECONDS)).isNull();

            clock.advance(Duration.ofSeconds(4));
            driver.tick();
            assertThat(received.poll(5, TimeUnit.SECONDS)).extracting(LabInstanceDocument::state).isEqualTo(LabState.RUNNING);
            events.drain();
            assertThat(received.poll(700, TimeUnit.MILLISECONDS)).isNull();
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void over_websocket_the_owner_sees_the_lab_come_up_with_its_url_and_end() throws Exception {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        try (GraphQlWsClient owner = GraphQlWsClient.connect(port, Persona.ACME_TRAINEE.token());
             GraphQlWsClient manager = GraphQlWsClient.connect(port, Persona.ACME_MANAGER.token())) {
            owner.subscribe("1", SUBSCRIPTION, Map.of("id", id));
            manager.subscribe("m", SUBSCRIPTION, Map.of("id", id));
            String first = owner.nextPayload();
            assertThat(GraphQlWsClient.<String>read(first, "payload.data.labUpdated.state")).isEqualTo("PROVISIONING");
            assertThat(GraphQlWsClient.<String>read(manager.nextPayload(), "payload.data.labUpdated.state")).isEqualTo("PROVISIONING");

            clock.advance(Duration.ofSeconds(4));
            driver.tick();
            String running = owner.nextPayload();
            assertThat(GraphQlWsClient.<String>read(running, "payload.data.labUpdated.state")).isEqualTo("RUNNING");
            assertThat(GraphQlWsClient.<String>read(running, "payload.data.labUpdated.connectionUrl")).startsWith("http://guacamole.simulated.invalid/");
            String managerView = manager.nextPayload();
            assertThat(GraphQlWsClient.<String>read(managerView, "payload.data.labUpdated.state")).isEqualTo("RUNNING");
            assertThat(GraphQlWsClient.<Object>read(managerView, "payload.data.labUpdated.connectionUrl")).isNull();

            as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", id))).assertNoErrors();
            assertThat(GraphQlWsClient.<String>read(owner.nextPayload(), "payload.data.labUpdated.state")).isEqualTo("STOPPING");
            clock.advance(Duration.ofSeconds(3));
            driver.tick();
            assertThat(GraphQlWsClient.<String>read(owner.nextPayload(), "payload.data.labUpdated.state")).isEqualTo("TERMINATED");
            String complete = owner.nextPayload();
            assertThat(GraphQlWsClient.<String>read(complete, "type")).isEqualTo("complete");
        }
    }

    @Test
    void another_organization_subscribing_to_a_lab_gets_not_found_and_nothing_else() throws Exception {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        for (Persona stranger : List.of(Persona.GLOBEX_TRAINEE, Persona.GLOBEX_MANAGER, LabAuthorizationTest.OTHER_ACME_TRAINEE)) {
            try (GraphQlWsClient client = GraphQlWsClient.connect(port, stranger.token())) {
                client.subscribe("1", SUBSCRIPTION, Map.of("id", id));
                String answer = client.nextPayload();
                assertThat(answer).contains("NOT_FOUND").doesNotContain("PROVISIONING", "connectionUrl\":\"http");
            }
        }
    }
}
