package com.cycube.labs.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.labs.provisioning.LabProvisioner;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every stored state transition of a lab produces exactly one {@link LabStateChanged} — written by the same
 * compare-and-set as the transition, so a lost race produces none.
 */
class LabEventsTest extends LabsIntegrationTest {

    @Autowired
    LabProvisioner provisioner;

    private static List<String> steps(List<DomainEvent> events, String labId) {
        return events.stream().map(event -> event.payloadAs(LabStateChanged.class)).filter(changed -> labId.equals(changed.labId()))
                .map(changed -> changed.previousState() + "->" + changed.state()).toList();
    }

    @Test
    void a_labs_whole_life_is_announced_one_event_per_transition() {
        List<String> ids = new ArrayList<>();
        List<DomainEvent> events = eventsOf(LabStateChanged.class, () -> {
            String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
            ids.add(id);
            clock.advance(Duration.ofSeconds(4));
            driver.tick();
            as(Persona.ACME_TRAINEE, Ops.RESET, Map.of("input", Map.of("id", id))).assertNoErrors();
            clock.advance(Duration.ofSeconds(4));
            driver.tick();
            as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", id))).assertNoErrors();
            clock.advance(Duration.ofSeconds(3));
            driver.tick();
            driver.tick();
        });
        String id = ids.get(0);
        // launch and VM launch happen in the same instant here, and the log orders equal occurredAt arbitrarily
        assertThat(steps(events, id)).containsExactlyInAnyOrder("null->REQUESTED", "REQUESTED->PROVISIONING", "PROVISIONING->RUNNING",
                "RUNNING->PROVISIONING", "PROVISIONING->RUNNING", "RUNNING->STOPPING", "STOPPING->TERMINATED");
        assertThat(stored(id).history()).hasSize(7);
        DomainEvent launched = events.stream()
                .filter(event -> "REQUESTED".equals(event.payloadAs(LabStateChanged.class).state())).findFirst().orElseThrow();
        assertThat(launched.orgId()).isEqualTo(Persona.ACME);
        assertThat(launched.source()).isEqualTo("labs");
        assertThat(launched.payloadAs(LabStateChanged.class)).isEqualTo(new LabStateChanged(id, Persona.ACME_TRAINEE.subject(),
                "cube-linux-lab", "tmpl-kali-ssh", "REQUESTED", null));
    }

    @Test
    void failing_and_expiring_labs_are_announced_once_each() {
        List<String> ids = new ArrayList<>();
        List<DomainEvent> events = eventsOf(LabStateChanged.class, () -> {
            ids.add(launch(Persona.ACME_TRAINEE, "cube-broken-lab", "tmpl-broken"));
            ids.add(launch(Persona.ACME_TRAINEE, "cube-linux-lab"));
            clock.advance(Duration.ofSeconds(4));
            driver.tick();
            clock.advance(Duration.ofHours(2));
            reaper.tick();
            reaper.tick();
        });
        assertThat(steps(events, ids.get(0))).containsExactlyInAnyOrder("null->REQUESTED", "REQUESTED->PROVISIONING", "PROVISIONING->FAILED");
        assertThat(steps(events, ids.get(1))).containsExactlyInAnyOrder("null->REQUESTED", "REQUESTED->PROVISIONING",
                "PROVISIONING->RUNNING", "RUNNING->EXPIRED");
    }

    @Test
    void two_drivers_racing_on_the_same_lab_announce_the_transition_once() {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        clock.advance(Duration.ofSeconds(4));
        LabInstanceDocument snapshot = stored(id);
        List<DomainEvent> events = eventsOf(LabStateChanged.class, () -> {
            provisioner.advance(snapshot);
            provisioner.advance(snapshot);
        });
        assertThat(steps(events, id)).containsExactly("PROVISIONING->RUNNING");
    }

    @Test
    void refused_and_idempotent_requests_announce_nothing() {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        List<DomainEvent> events = eventsOf(LabStateChanged.class, () -> {
            launch(Persona.ACME_TRAINEE, "cube-linux-lab"); // already active: returned, nothing new
            assertThat(as(Persona.GLOBEX_MANAGER, Ops.TERMINATE, Map.of("input", Map.of("id", id))).errorCodes())
                    .containsExactly("NOT_FOUND");
            assertThat(as(Persona.ACME_TRAINEE, Ops.RESET, Map.of("input", Map.of("id", id))).errorCodes())
                    .containsExactly("CONFLICT"); // not RUNNING
            as(Persona.ACME_TRAINEE, Ops.EXTEND, Map.of("input", Map.of("id", id, "minutes", 5))).assertNoErrors(); // no transition
        });
        assertThat(events).isEmpty();
    }
}
