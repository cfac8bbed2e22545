package com.cycube.labs.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.instances.LabState;
import com.cycube.labs.instances.LabTransition;
import com.cycube.support.contracts.labs.LabExpiring;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import java.time.Duration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Expiry from stored state: the warning before, the end after, once, whoever runs the reaper and when. */
class LabReaperTest extends LabsIntegrationTest {

    @Autowired
    LabProvisioner provisioner;

    @Test
    void a_lab_gets_one_expiry_warning_ten_minutes_before_it_expires() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab"); // expires 60 minutes after launch
        clock.advance(Duration.ofMinutes(45));
        assertThat(reaper.tick().warned()).isZero();
        assertThat(stored(id).expiryWarningSentAt()).isNull();

        clock.advance(Duration.ofMinutes(6));
        long revision = stored(id).revision();
        List<DomainEvent> announced = eventsOf(LabExpiring.class, () -> assertThat(reaper.tick().warned()).isEqualTo(1));
        assertThat(stored(id).expiryWarningSentAt()).isEqualTo(clock.instant());
        assertThat(stored(id).revision()).isEqualTo(revision + 1); // announced to subscribers like any change
        assertThat(announced).singleElement().satisfies(event -> assertThat(event.payloadAs(LabExpiring.class))
                .isEqualTo(new LabExpiring(id, Persona.ACME_TRAINEE.subject(), "cube-linux-lab", stored(id).expiresAt())));
        assertThat(eventsOf(LabExpiring.class, () -> assertThat(reaper.tick().warned()).isZero())).isEmpty();
    }

    @Test
    void extending_a_warned_lab_clears_the_warning_so_it_is_raised_again_before_the_new_expiry() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        clock.advance(Duration.ofMinutes(55));
        reaper.tick();
        as(Persona.ACME_TRAINEE, Ops.EXTEND, Map.of("input", Map.of("id", id, "minutes", 30))).assertNoErrors();
        assertThat(stored(id).expiryWarningSentAt()).isNull();
        clock.advance(Duration.ofMinutes(26));
        assertThat(reaper.tick().warned()).isEqualTo(1);
    }

    @Test
    void a_lab_past_its_expiry_is_expired_its_vm_terminated_and_its_url_gone() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        clock.advance(Duration.ofMinutes(61));
        // the URL is refused as soon as expiresAt passed, even before the reaper ran
        assertThat(as(Persona.ACME_TRAINEE, Ops.LAB, Map.of("id", id)).assertNoErrors().<Object>get("data.labInstance.connectionUrl")).isNull();

        LabReaper.Outcome outcome = reaper.tick();
        assertThat(outcome.expired()).isEqualTo(1);
        LabInstanceDocument expired = stored(id);
        assertThat(expired.state()).isEqualTo(LabState.EXPIRED);
        assertThat(expired.vmsToRelease()).isEmpty();
        assertThat(expired.connectionsToClose()).isEmpty();
        assertThat(expired.activeKey()).isNull();
        assertThat(reaper.tick().expired()).isZero();
        assertThat(launch(Persona.ACME_TRAINEE, "cube-linux-lab")).isNotEqualTo(id);
    }

    @Test
    void labs_that_expired_while_the_service_was_down_are_expired_on_the_first_tick_after_the_restart() {
        Instant past = clock.instant().minus(Duration.ofHours(3));
        mongo.insert(new LabInstanceDocument("lab-left-running", Persona.GLOBEX, Persona.GLOBEX_TRAINEE.subject(), "cube-1",
                "tmpl-kali-ssh", LabState.RUNNING, 2, 1, LabInstanceDocument.activeKey(Persona.GLOBEX, Persona.GLOBEX_TRAINEE.subject(), "cube-1"),
                "i-sim-ok-" + past.toEpochMilli() + "-1", "10.77.0.9", "sim-lab-left-running", "http://guacamole.simulated.invalid/x",
                past, past.plus(Duration.ofHours(1)), null, null,
                List.of(new LabTransition(null, LabState.REQUESTED, past, "launched")), List.of(), List.of(), past));
        assertThat(reaper.tick().expired()).isEqualTo(1);
        assertThat(stored("lab-left-running").state()).isEqualTo(LabState.EXPIRED);
    }

    @Test
    void two_reapers_racing_on_the_same_lab_expire_it_once() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        clock.advance(Duration.ofMinutes(61));
        LabInstanceDocument snapshot = stored(id);
        assertThat(provisioner.expire(snapshot)).isPresent();
        assertThat(provisioner.expire(snapshot)).isEmpty();
        assertThat(stored(id).history()).filteredOn(t -> t.to() == LabState.EXPIRED).hasSize(1);
    }

    @Test
    void a_vm_that_could_not_be_terminated_is_released_by_a_later_tick() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        LabInstanceDocument lab = stored(id);
        // as if the instance crashed right after storing EXPIRED, before terminating anything
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update().set("state", "EXPIRED").unset("activeKey")
                        .push("vmsToRelease", lab.vmInstanceId()).push("connectionsToClose", lab.connectionId()),
                LabInstanceDocument.class);
        assertThat(reaper.tick().released()).isEqualTo(1);
        assertThat(stored(id).vmsToRelease()).isEmpty();
        assertThat(stored(id).connectionsToClose()).isEmpty();
    }
}
