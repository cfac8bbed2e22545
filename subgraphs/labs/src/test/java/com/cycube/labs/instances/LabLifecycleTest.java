package com.cycube.labs.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.labs.provisioning.LabProvisioner;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A lab from launch to its end, driven by ticks on a hand-moved clock over the simulated cloud. */
class LabLifecycleTest extends LabsIntegrationTest {

    @Autowired
    LabProvisioner provisioner;

    private GraphQlClient.Response lab(Persona persona, String id) {
        return as(persona, Ops.LAB, Map.of("id", id)).assertNoErrors();
    }

    @Test
    void a_launched_lab_provisions_its_vm_and_runs_once_the_vm_is_up_with_a_url_for_its_owner() {
        GraphQlClient.Response launched = as(Persona.ACME_TRAINEE, Ops.LAUNCH,
                Map.of("input", Map.of("cubeId", "cube-linux-lab", "templateId", "tmpl-kali-ssh"))).assertNoErrors();
        String id = launched.get("data.launchLab.lab.id");
        assertThat(launched.<Boolean>get("data.launchLab.alreadyActive")).isFalse();
        assertThat(launched.<String>get("data.launchLab.lab.state")).isEqualTo("PROVISIONING");
        assertThat(launched.<String>get("data.launchLab.lab.organizationId")).isEqualTo(Persona.ACME);
        assertThat(launched.<String>get("data.launchLab.lab.owner.id")).isEqualTo(Persona.ACME_TRAINEE.subject());
        assertThat(launched.<String>get("data.launchLab.lab.template.name")).isEqualTo("Kali Linux attack box (SSH)");
        assertThat(launched.<Object>get("data.launchLab.lab.connectionUrl")).isNull();

        clock.advance(Duration.ofSeconds(2));
        driver.tick();
        assertThat(lab(Persona.ACME_TRAINEE, id).<String>get("data.labInstance.state")).isEqualTo("PROVISIONING");

        clock.advance(Duration.ofSeconds(2));
        assertThat(driver.tick()).isEqualTo(1);
        GraphQlClient.Response running = lab(Persona.ACME_TRAINEE, id);
        assertThat(running.<String>get("data.labInstance.state")).isEqualTo("RUNNING");
        assertThat(running.<String>get("data.labInstance.connectionUrl"))
                .startsWith("http://guacamole.simulated.invalid/#/client/sim-" + id).contains("protocol=ssh", "port=22");
        assertThat(running.<List<String>>get("data.labInstance.history[*].to")).containsExactly("REQUESTED", "PROVISIONING", "RUNNING");
        assertThat(running.<List<String>>get("data.labInstance.history[*].from")).containsExactly(null, "REQUESTED", "PROVISIONING");
        assertThat(Instant.parse(running.get("data.labInstance.expiresAt")))
                .isEqualTo(Instant.parse(running.get("data.labInstance.requestedAt")).plus(Duration.ofMinutes(60)));
        assertThat(stored(id).revision()).isEqualTo(2);
    }

    @Test
    void managers_of_the_organization_see_the_running_lab_but_never_its_url() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        GraphQlClient.Response seen = lab(Persona.ACME_MANAGER, id);
        assertThat(seen.<String>get("data.labInstance.state")).isEqualTo("RUNNING");
        assertThat(seen.<Object>get("data.labInstance.connectionUrl")).isNull();
        assertThat(lab(Persona.ROOT, id).<Object>get("data.labInstance.connectionUrl")).isNull();
        assertThat(as(Persona.ACME_MANAGER, Ops.LAB_INSTANCES, Map.of()).assertNoErrors()
                .<List<Object>>get("data.labInstances.edges[*].node.connectionUrl")).containsExactly((Object) null);
    }

    @Test
    void terminating_stops_the_lab_and_it_is_terminated_once_the_vm_is_gone() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        String vm = stored(id).vmInstanceId();

        GraphQlClient.Response stopping = as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", id))).assertNoErrors();
        assertThat(stopping.<String>get("data.terminateLab.lab.state")).isEqualTo("STOPPING");
        assertThat(stopping.<Boolean>get("data.terminateLab.lab.active")).isFalse();
        assertThat(stopping.<Object>get("data.terminateLab.lab.connectionUrl")).isNull();
        assertThat(stored(id).vmsToRelease()).isEmpty();
        assertThat(stored(id).vmInstanceId()).isEqualTo(vm);

        clock.advance(Duration.ofSeconds(3));
        driver.tick();
        assertThat(stored(id).state()).isEqualTo(LabState.TERMINATED);
        assertThat(stored(id).history()).extracting(LabTransition::to).endsWith(LabState.STOPPING, LabState.TERMINATED);

        assertThat(as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", id))).assertNoErrors()
                .<String>get("data.terminateLab.lab.state")).isEqualTo("TERMINATED");
        assertThat(as(Persona.ACME_TRAINEE, Ops.LAUNCH, Map.of("input", Map.of("cubeId", "cube-linux-lab", "templateId", "tmpl-kali-ssh")))
                .assertNoErrors().<String>get("data.launchLab.lab.id")).isNotEqualTo(id);
    }

    @Test
    void reset_replaces_the_vm_keeps_the_lab_id_and_expiry_and_runs_again() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        LabInstanceDocument before = stored(id);

        GraphQlClient.Response reset = as(Persona.ACME_TRAINEE, Ops.RESET, Map.of("input", Map.of("id", id))).assertNoErrors();
        assertThat(reset.<String>get("data.resetLab.lab.state")).isEqualTo("PROVISIONING");
        assertThat(reset.<Object>get("data.resetLab.lab.connectionUrl")).isNull();
        LabInstanceDocument after = stored(id);
        assertThat(after.generation()).isEqualTo(2);
        assertThat(after.vmInstanceId()).isNotNull().isNotEqualTo(before.vmInstanceId());
        assertThat(after.vmsToRelease()).isEmpty();
        assertThat(after.expiresAt()).isEqualTo(before.expiresAt());

        clock.advance(Duration.ofSeconds(4));
        driver.tick();
        assertThat(lab(Persona.ACME_TRAINEE, id).<String>get("data.labInstance.state")).isEqualTo("RUNNING");
        assertThat(stored(id).history()).extracting(LabTransition::reason).contains("reset");
    }

    @Test
    void only_a_running_lab_can_be_reset() {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        assertThat(as(Persona.ACME_TRAINEE, Ops.RESET, Map.of("input", Map.of("id", id))).errorCodes()).containsExactly("CONFLICT");
        assertThat(stored(id).revision()).isEqualTo(1);
    }

    @Test
    void a_vm_that_never_boots_fails_the_lab_and_frees_the_cube_for_a_new_launch() {
        String id = launch(Persona.ACME_TRAINEE, "cube-broken-lab", "tmpl-broken");
        clock.advance(Duration.ofSeconds(4));
        driver.tick();
        GraphQlClient.Response failed = lab(Persona.ACME_TRAINEE, id);
        assertThat(failed.<String>get("data.labInstance.state")).isEqualTo("FAILED");
        assertThat(failed.<String>get("data.labInstance.failureReason")).contains("simulated boot failure");
        assertThat(stored(id).vmsToRelease()).isEmpty();
        assertThat(launch(Persona.ACME_TRAINEE, "cube-broken-lab", "tmpl-broken")).isNotEqualTo(id);
    }

    @Test
    void the_driver_launches_a_requested_lab_that_no_instance_launched_before_a_crash() {
        Instant now = clock.instant();
        mongo.insert(new LabInstanceDocument("lab-orphan", Persona.ACME, Persona.ACME_TRAINEE.subject(), "cube-linux-lab",
                "tmpl-kali-ssh", LabState.REQUESTED, 0, 1, LabInstanceDocument.activeKey(Persona.ACME, Persona.ACME_TRAINEE.subject(), "cube-linux-lab"),
                null, null, null, null, now, now.plus(Duration.ofHours(1)), null, null,
                List.of(new LabTransition(null, LabState.REQUESTED, now, "launched")), List.of(), List.of(), now));
        driver.tick();
        assertThat(stored("lab-orphan").state()).isEqualTo(LabState.PROVISIONING);
        clock.advance(Duration.ofSeconds(4));
        driver.tick();
        assertThat(stored("lab-orphan").state()).isEqualTo(LabState.RUNNING);
    }

    @Test
    void two_drivers_advancing_the_same_lab_move_it_only_once() {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        clock.advance(Duration.ofSeconds(4));
        LabInstanceDocument snapshot = stored(id);
        provisioner.advance(snapshot);
        LabInstanceDocument second = provisioner.advance(snapshot); // the other instance read the same state
        assertThat(second.state()).isEqualTo(LabState.RUNNING);
        assertThat(stored(id).history()).filteredOn(t -> t.to() == LabState.RUNNING).hasSize(1);
        assertThat(stored(id).revision()).isEqualTo(2);
    }
}
