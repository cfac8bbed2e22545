package com.cycube.labs.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/** One active lab per trainee per cube, the organization quota, and lifetimes (default quota 3 in these tests). */
class LaunchRulesTest extends LabsIntegrationTest {

    private GraphQlClient.Response launchResponse(Persona persona, String cubeId, String templateId) {
        return as(persona, Ops.LAUNCH, Map.of("input", Map.of("cubeId", cubeId, "templateId", templateId)));
    }

    private long labCount() {
        return mongo.count(new Query(), LabInstanceDocument.class);
    }

    @Test
    void launching_again_for_the_same_cube_returns_the_active_lab_and_starts_nothing() {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        GraphQlClient.Response again = launchResponse(Persona.ACME_TRAINEE, "cube-linux-lab", "tmpl-kali-ssh").assertNoErrors();
        assertThat(again.<String>get("data.launchLab.lab.id")).isEqualTo(id);
        assertThat(again.<Boolean>get("data.launchLab.alreadyActive")).isTrue();
        assertThat(labCount()).isEqualTo(1);
    }

    @Test
    void a_trainee_can_launch_a_cube_again_after_each_earlier_lab_for_it_ended() {
        for (int round = 0; round < 3; round++) {
            String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
            as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", id))).assertNoErrors();
        }
        launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        assertThat(labCount()).isEqualTo(4);
    }

    @Test
    void concurrent_launches_of_the_same_cube_by_the_same_trainee_create_exactly_one_lab() throws Exception {
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<String>> launches = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> launch(Persona.ACME_TRAINEE, "cube-linux-lab"), pool)).toList();
            Set<String> ids = launches.stream().map(CompletableFuture::join).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(labCount()).isEqualTo(1);
    }

    @Test
    void the_organizations_quota_caps_active_labs_and_other_organizations_are_not_affected() {
        launch(Persona.ACME_TRAINEE, "cube-1");
        launch(Persona.ACME_TRAINEE, "cube-2");
        launch(Persona.ACME_MANAGER, "cube-1");

        GraphQlClient.Response refused = launchResponse(Persona.ACME_TRAINEE, "cube-3", "tmpl-kali-ssh");
        assertThat(refused.errorCodes()).containsExactly("CONFLICT");
        assertThat(refused.body()).contains("quota");
        assertThat(labCount()).isEqualTo(3);
        assertThat(as(Persona.ACME_MANAGER, Ops.QUOTA, Map.of()).assertNoErrors().<Integer>get("data.labQuota.activeLabs")).isEqualTo(3);

        launch(Persona.GLOBEX_TRAINEE, "cube-3");
        // relaunching an active cube is still answered when the quota is full
        assertThat(launchResponse(Persona.ACME_TRAINEE, "cube-1", "tmpl-kali-ssh").assertNoErrors()
                .<Boolean>get("data.launchLab.alreadyActive")).isTrue();
    }

    @Test
    void a_terminated_lab_frees_its_place_in_the_quota() {
        String first = launch(Persona.ACME_TRAINEE, "cube-1");
        launch(Persona.ACME_TRAINEE, "cube-2");
        launch(Persona.ACME_TRAINEE, "cube-3");
        as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", first))).assertNoErrors();
        launch(Persona.ACME_TRAINEE, "cube-4");
    }

    @Test
    void the_quota_identity_announces_replaces_the_default_for_that_organization_only() {
        organizationChanged(Persona.ACME, 1, true, clock.instant(), 1);
        launch(Persona.ACME_TRAINEE, "cube-1");
        assertThat(launchResponse(Persona.ACME_TRAINEE, "cube-2", "tmpl-kali-ssh").errorCodes()).containsExactly("CONFLICT");
        launch(Persona.GLOBEX_TRAINEE, "cube-1");
        launch(Persona.GLOBEX_TRAINEE, "cube-2");

        clock.advance(Duration.ofSeconds(1));
        organizationChanged(Persona.ACME, 2, true, clock.instant(), 2);
        launch(Persona.ACME_TRAINEE, "cube-2");
    }

    @Test
    void an_unknown_template_or_a_blank_cube_is_bad_input_and_stores_nothing() {
        assertThat(launchResponse(Persona.ACME_TRAINEE, "cube-1", "tmpl-nope").errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(launchResponse(Persona.ACME_TRAINEE, " ", "tmpl-kali-ssh").errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(labCount()).isZero();
    }

    @Test
    void extending_moves_the_expiry_up_to_the_templates_maximum_lifetime_and_no_further() {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab"); // kali: 60 minutes, at most 240
        Instant requested = stored(id).requestedAt();

        GraphQlClient.Response extended = as(Persona.ACME_TRAINEE, Ops.EXTEND, Map.of("input", Map.of("id", id, "minutes", 120))).assertNoErrors();
        assertThat(Instant.parse(extended.get("data.extendLab.lab.expiresAt"))).isEqualTo(requested.plus(Duration.ofMinutes(180)));

        GraphQlClient.Response tooMuch = as(Persona.ACME_TRAINEE, Ops.EXTEND, Map.of("input", Map.of("id", id, "minutes", 61)));
        assertThat(tooMuch.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(tooMuch.body()).contains("60 more minutes");
        assertThat(stored(id).expiresAt()).isEqualTo(requested.plus(Duration.ofMinutes(180)));

        assertThat(as(Persona.ACME_TRAINEE, Ops.EXTEND, Map.of("input", Map.of("id", id, "minutes", 0))).errorCodes())
                .containsExactly("BAD_USER_INPUT");
        as(Persona.ACME_MANAGER, Ops.EXTEND, Map.of("input", Map.of("id", id, "minutes", 60))).assertNoErrors();
        assertThat(stored(id).expiresAt()).isEqualTo(requested.plus(Duration.ofMinutes(240)));
        assertThat(as(Persona.ACME_TRAINEE, Ops.EXTEND, Map.of("input", Map.of("id", id, "minutes", 1))).errorCodes())
                .containsExactly("BAD_USER_INPUT");
    }

    @Test
    void a_lab_that_has_ended_cannot_be_extended() {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", id))).assertNoErrors();
        assertThat(as(Persona.ACME_TRAINEE, Ops.EXTEND, Map.of("input", Map.of("id", id, "minutes", 5))).errorCodes())
                .containsExactly("CONFLICT");
    }

    @Test
    void my_labs_lists_the_callers_own_labs_newest_first_and_can_keep_only_active_ones() {
        String first = launch(Persona.ACME_TRAINEE, "cube-1");
        clock.advance(Duration.ofSeconds(1));
        String second = launch(Persona.ACME_TRAINEE, "cube-2");
        launch(Persona.ACME_MANAGER, "cube-1");
        as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", first))).assertNoErrors();

        GraphQlClient.Response all = as(Persona.ACME_TRAINEE, Ops.MY_LABS, Map.of()).assertNoErrors();
        assertThat(all.<List<String>>get("data.myLabs.edges[*].node.id")).containsExactly(second, first);
        assertThat(all.<Integer>get("data.myLabs.totalCount")).isEqualTo(2);
        assertThat(as(Persona.ACME_TRAINEE, Ops.MY_LABS, Map.of("activeOnly", true)).assertNoErrors()
                .<List<String>>get("data.myLabs.edges[*].node.id")).containsExactly(second);
    }
}
