package com.cycube.labs.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.MutableClock;
import com.cycube.labs.templates.LabProtocol;
import com.cycube.labs.templates.LabTemplateDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedVmProviderTest {

    final MutableClock clock = new MutableClock();
    final SimulatedVmProvider cloud = new SimulatedVmProvider(clock, Duration.ofSeconds(3), Duration.ofSeconds(2), "ami-00000000deadbeef0");
    final LabTemplateDocument kali = new LabTemplateDocument("tmpl-kali-ssh", "Kali", "ami-0a1b2c3d4e5f60718", "t3.medium",
            LabProtocol.SSH, 22, 60, 240, Instant.EPOCH, Instant.EPOCH);

    @Test
    void a_vm_is_pending_for_the_boot_time_then_running_with_an_address_then_shutting_down_then_gone() {
        String vm = cloud.launch("lab-1-g1", kali, Map.of());
        assertThat(cloud.describe(vm).state()).isEqualTo(VmState.PENDING);
        clock.advance(Duration.ofSeconds(3));
        VmDescription running = cloud.describe(vm);
        assertThat(running.state()).isEqualTo(VmState.RUNNING);
        assertThat(running.address()).startsWith("10.77.0.");
        cloud.terminate(vm);
        assertThat(cloud.describe(vm).state()).isEqualTo(VmState.STOPPING);
        clock.advance(Duration.ofSeconds(2));
        assertThat(cloud.describe(vm).state()).isEqualTo(VmState.TERMINATED);
    }

    @Test
    void launching_twice_with_the_same_token_returns_the_same_vm_and_a_new_token_a_new_one() {
        String first = cloud.launch("lab-1-g1", kali, Map.of());
        clock.advance(Duration.ofMillis(5));
        assertThat(cloud.launch("lab-1-g1", kali, Map.of())).isEqualTo(first);
        assertThat(cloud.launch("lab-1-g2", kali, Map.of())).isNotEqualTo(first);
    }

    @Test
    void a_vm_launched_before_a_restart_is_still_described_from_its_id() {
        String vm = cloud.launch("lab-1-g1", kali, Map.of());
        SimulatedVmProvider restarted = new SimulatedVmProvider(clock, Duration.ofSeconds(3), Duration.ofSeconds(2), "");
        clock.advance(Duration.ofSeconds(5));
        assertThat(restarted.describe(vm).state()).isEqualTo(VmState.RUNNING);
        assertThat(restarted.describe("i-0123456789abcdef0").state()).isEqualTo(VmState.NOT_FOUND);
    }
}
