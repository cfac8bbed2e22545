package com.cycube.labs.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, per operation and persona. On an Acme trainee's lab: the owner, Acme's manager and root may
 * act; another Acme trainee and everyone at Globex get NOT_FOUND (the lab does not exist for them);
 * integration clients get FORBIDDEN; anonymous callers UNAUTHENTICATED.
 */
class LabAuthorizationTest extends LabsIntegrationTest {

    static final Persona OTHER_ACME_TRAINEE = Persona.person("00000000-0000-4000-8000-000000000013", "eve@acme.test",
            "Eve Trainee", "TRAINEE", Persona.ACME);
    static final Persona ACME_INTEGRATION = Persona.integration("acme-lms", Persona.ACME, List.of("training:write", "training:read"));

    private List<String> codes(Persona persona, String op, Map<String, Object> input) {
        return as(persona, op, Map.of("input", input)).errorCodes();
    }

    @Test
    void launch_lab_is_for_people_of_an_organization() {
        Map<String, Object> input = Map.of("cubeId", "cube-linux-lab", "templateId", "tmpl-kali-ssh");
        assertThat(codes(Persona.ACME_TRAINEE, Ops.LAUNCH, input)).isEmpty();
        assertThat(codes(Persona.GLOBEX_MANAGER, Ops.LAUNCH, input)).isEmpty();
        assertThat(codes(Persona.ROOT, Ops.LAUNCH, input)).containsExactly("FORBIDDEN"); // root has no organization
        assertThat(codes(ACME_INTEGRATION, Ops.LAUNCH, input)).containsExactly("FORBIDDEN");
        assertThat(anonymous(Ops.LAUNCH, Map.of("input", input)).errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void extend_lab_is_for_the_owner_the_organizations_managers_and_root() {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        Map<String, Object> input = Map.of("id", id, "minutes", 1);
        assertThat(codes(Persona.ACME_TRAINEE, Ops.EXTEND, input)).isEmpty();
        assertThat(codes(Persona.ACME_MANAGER, Ops.EXTEND, input)).isEmpty();
        assertThat(codes(Persona.ROOT, Ops.EXTEND, input)).isEmpty();
        long revision = stored(id).revision();
        assertThat(codes(OTHER_ACME_TRAINEE, Ops.EXTEND, input)).containsExactly("NOT_FOUND");
        assertThat(codes(Persona.GLOBEX_MANAGER, Ops.EXTEND, input)).containsExactly("NOT_FOUND");
        assertThat(codes(Persona.GLOBEX_TRAINEE, Ops.EXTEND, input)).containsExactly("NOT_FOUND");
        assertThat(codes(ACME_INTEGRATION, Ops.EXTEND, input)).containsExactly("FORBIDDEN");
        assertThat(anonymous(Ops.EXTEND, Map.of("input", input)).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(stored(id).revision()).isEqualTo(revision);
    }

    @Test
    void terminate_lab_is_refused_to_strangers_and_then_allowed_to_a_manager() {
        String id = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        Map<String, Object> input = Map.of("id", id);
        assertThat(codes(OTHER_ACME_TRAINEE, Ops.TERMINATE, input)).containsExactly("NOT_FOUND");
        assertThat(codes(Persona.GLOBEX_MANAGER, Ops.TERMINATE, input)).containsExactly("NOT_FOUND");
        assertThat(codes(Persona.GLOBEX_TRAINEE, Ops.TERMINATE, input)).containsExactly("NOT_FOUND");
        assertThat(codes(ACME_INTEGRATION, Ops.TERMINATE, input)).containsExactly("FORBIDDEN");
        assertThat(anonymous(Ops.TERMINATE, Map.of("input", input)).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(stored(id).state()).isEqualTo(LabState.PROVISIONING);
        assertThat(codes(Persona.ACME_MANAGER, Ops.TERMINATE, input)).isEmpty();
        assertThat(stored(id).state()).isIn(LabState.STOPPING, LabState.TERMINATED);
    }

    @Test
    void reset_lab_is_refused_to_strangers_and_allowed_to_the_owner_and_root() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        Map<String, Object> input = Map.of("id", id);
        assertThat(codes(OTHER_ACME_TRAINEE, Ops.RESET, input)).containsExactly("NOT_FOUND");
        assertThat(codes(Persona.GLOBEX_MANAGER, Ops.RESET, input)).containsExactly("NOT_FOUND");
        assertThat(codes(ACME_INTEGRATION, Ops.RESET, input)).containsExactly("FORBIDDEN");
        assertThat(anonymous(Ops.RESET, Map.of("input", input)).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(stored(id).state()).isEqualTo(LabState.RUNNING);
        assertThat(codes(Persona.ACME_TRAINEE, Ops.RESET, input)).isEmpty();
        clock.advance(java.time.Duration.ofSeconds(4));
        driver.tick();
        assertThat(codes(Persona.ROOT, Ops.RESET, input)).isEmpty();
    }

    @Test
    void lab_templates_are_read_by_everyone_signed_in_and_written_by_root_only() {
        assertThat(as(ACME_INTEGRATION, Ops.TEMPLATES).assertNoErrors().<List<String>>get("data.labTemplates[*].id"))
                .containsExactly("tmpl-kali-ssh", "tmpl-broken", "tmpl-windows-rdp");
        assertThat(anonymous(Ops.TEMPLATES, Map.of()).errorCodes()).containsExactly("UNAUTHENTICATED");

        Map<String, Object> template = Map.of("id", "tmpl-parrot-vnc", "name", "Parrot OS desktop", "image", "ami-0123456789abcdef0",
                "instanceType", "t3.large", "protocol", "VNC", "port", 5901, "defaultLifetimeMinutes", 45, "maxLifetimeMinutes", 120);
        for (Persona refused : List.of(Persona.ACME_MANAGER, Persona.ACME_TRAINEE, ACME_INTEGRATION)) {
            assertThat(codes(refused, Ops.CREATE_TEMPLATE, template)).containsExactly("FORBIDDEN");
            assertThat(codes(refused, Ops.UPDATE_TEMPLATE, Map.of("id", "tmpl-kali-ssh", "name", "mine"))).containsExactly("FORBIDDEN");
        }
        assertThat(anonymous(Ops.CREATE_TEMPLATE, Map.of("input", template)).errorCodes()).containsExactly("UNAUTHENTICATED");

        GraphQlClient.Response created = as(Persona.ROOT, Ops.CREATE_TEMPLATE, Map.of("input", template)).assertNoErrors();
        assertThat(created.<String>get("data.createLabTemplate.template.protocol")).isEqualTo("VNC");
        assertThat(codes(Persona.ROOT, Ops.CREATE_TEMPLATE, template)).containsExactly("CONFLICT");
        assertThat(as(Persona.ROOT, Ops.UPDATE_TEMPLATE, Map.of("input", Map.of("id", "tmpl-parrot-vnc", "maxLifetimeMinutes", 180)))
                .assertNoErrors().<Integer>get("data.updateLabTemplate.template.maxLifetimeMinutes")).isEqualTo(180);
    }

    @Test
    void an_invalid_template_is_bad_input_and_leaves_the_stored_one_unchanged() {
        assertThat(codes(Persona.ROOT, Ops.UPDATE_TEMPLATE, Map.of("id", "tmpl-kali-ssh", "defaultLifetimeMinutes", 500)))
                .containsExactly("BAD_USER_INPUT");
        assertThat(codes(Persona.ROOT, Ops.UPDATE_TEMPLATE, Map.of("id", "tmpl-kali-ssh", "image", "kali:latest")))
                .containsExactly("BAD_USER_INPUT");
        assertThat(as(Persona.ROOT, "{ labTemplate(id: \"tmpl-kali-ssh\") { image defaultLifetimeMinutes } }").assertNoErrors()
                .<Integer>get("data.labTemplate.defaultLifetimeMinutes")).isEqualTo(60);
    }

    @Test
    void quotas_are_read_by_managers_for_their_own_organization_and_by_root_for_any() {
        organizationChanged(Persona.ACME, 10, true, clock.instant(), 1);

        assertThat(as(Persona.ACME_MANAGER, Ops.QUOTA, Map.of()).assertNoErrors().<Integer>get("data.labQuota.maxConcurrentLabs")).isEqualTo(10);
        assertThat(as(Persona.ROOT, Ops.QUOTA, Map.of("org", Persona.ACME)).assertNoErrors().<Integer>get("data.labQuota.maxConcurrentLabs")).isEqualTo(10);
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.QUOTA, Map.of()).assertNoErrors().<Integer>get("data.labQuota.maxConcurrentLabs")).isEqualTo(3);
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.QUOTA, Map.of("org", Persona.ACME)).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(as(Persona.ACME_TRAINEE, Ops.QUOTA, Map.of()).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(ACME_INTEGRATION, Ops.QUOTA, Map.of()).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(anonymous(Ops.QUOTA, Map.of()).errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void lab_instances_is_for_managers_of_their_organization_and_root_of_all() {
        launch(Persona.ACME_TRAINEE, "cube-1");
        launch(Persona.GLOBEX_TRAINEE, "cube-1");
        assertThat(as(Persona.ACME_TRAINEE, Ops.LAB_INSTANCES, Map.of()).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(ACME_INTEGRATION, Ops.LAB_INSTANCES, Map.of()).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.ACME_MANAGER, Ops.LAB_INSTANCES, Map.of()).assertNoErrors()
                .<List<String>>get("data.labInstances.edges[*].node.organizationId")).containsExactly(Persona.ACME);
        assertThat(as(Persona.ROOT, Ops.LAB_INSTANCES, Map.of()).assertNoErrors()
                .<Integer>get("data.labInstances.totalCount")).isEqualTo(2);
        assertThat(as(Persona.ROOT, Ops.LAB_INSTANCES, Map.of("state", "RUNNING")).assertNoErrors()
                .<Integer>get("data.labInstances.totalCount")).isZero();
    }
}
