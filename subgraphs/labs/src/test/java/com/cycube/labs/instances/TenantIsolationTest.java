package com.cycube.labs.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Globex never sees or touches Acme's labs: queries, mutations and federation references alike. */
class TenantIsolationTest extends LabsIntegrationTest {

    private GraphQlClient.Response entities(Persona persona, List<Map<String, Object>> representations) {
        return as(persona, Ops.ENTITIES, Map.of("r", representations));
    }

    @Test
    void globex_cannot_read_an_acme_lab_by_id_in_lists_or_through_entities() {
        String acmeLab = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        for (Persona globex : List.of(Persona.GLOBEX_MANAGER, Persona.GLOBEX_TRAINEE)) {
            assertThat(as(globex, Ops.LAB, Map.of("id", acmeLab)).assertNoErrors().<Object>get("data.labInstance")).isNull();
            assertThat(as(globex, Ops.MY_LABS, Map.of()).assertNoErrors().<Integer>get("data.myLabs.totalCount")).isZero();
            GraphQlClient.Response references = entities(globex, List.of(
                    Map.of("__typename", "LabInstance", "id", acmeLab),
                    Map.of("__typename", "Cube", "id", "cube-linux-lab"),
                    Map.of("__typename", "User", "id", Persona.ACME_TRAINEE.subject())));
            assertThat(references.<Object>get("data._entities[0]")).isNull();
            assertThat(references.<Object>get("data._entities[1].myLab")).isNull();
            assertThat(references.<List<Object>>get("data._entities[2].activeLabs")).isNullOrEmpty();
            assertThat(references.body()).doesNotContain(acmeLab);
        }
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.LAB_INSTANCES, Map.of()).assertNoErrors()
                .<Integer>get("data.labInstances.totalCount")).isZero();
    }

    @Test
    void globex_cannot_change_an_acme_lab_and_it_stays_as_it_was() {
        String acmeLab = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        LabInstanceDocument before = stored(acmeLab);
        for (Persona globex : List.of(Persona.GLOBEX_MANAGER, Persona.GLOBEX_TRAINEE)) {
            assertThat(as(globex, Ops.EXTEND, Map.of("input", Map.of("id", acmeLab, "minutes", 5))).errorCodes()).containsExactly("NOT_FOUND");
            assertThat(as(globex, Ops.TERMINATE, Map.of("input", Map.of("id", acmeLab))).errorCodes()).containsExactly("NOT_FOUND");
            assertThat(as(globex, Ops.RESET, Map.of("input", Map.of("id", acmeLab))).errorCodes()).containsExactly("NOT_FOUND");
        }
        assertThat(stored(acmeLab)).isEqualTo(before);
    }

    @Test
    void a_missing_lab_and_another_organizations_lab_are_answered_alike() {
        String acmeLab = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        String foreign = as(Persona.GLOBEX_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", acmeLab))).body();
        String missing = as(Persona.GLOBEX_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", "lab-missing"))).body();
        assertThat(foreign.replace(acmeLab, "<id>")).isEqualTo(missing.replace("lab-missing", "<id>"));
    }

    @Test
    void through_entities_the_owner_gets_their_lab_with_its_url_cube_lab_and_active_labs_in_one_batch() {
        String lab = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        String other = launch(Persona.ACME_TRAINEE, "cube-webapp-lab");
        GraphQlClient.Response references = entities(Persona.ACME_TRAINEE, List.of(
                Map.of("__typename", "LabInstance", "id", lab),
                Map.of("__typename", "Cube", "id", "cube-linux-lab"),
                Map.of("__typename", "Cube", "id", "cube-webapp-lab"),
                Map.of("__typename", "Cube", "id", "cube-without-lab"),
                Map.of("__typename", "User", "id", Persona.ACME_TRAINEE.subject()),
                Map.of("__typename", "User", "id", Persona.ACME_MANAGER.subject()),
                Map.of("__typename", "LabTemplate", "id", "tmpl-windows-rdp"))).assertNoErrors();
        assertThat(references.<String>get("data._entities[0].connectionUrl")).isNotNull();
        assertThat(references.<String>get("data._entities[1].myLab.id")).isEqualTo(lab);
        assertThat(references.<String>get("data._entities[2].myLab.id")).isEqualTo(other);
        assertThat(references.<Object>get("data._entities[3].myLab")).isNull();
        assertThat(references.<List<String>>get("data._entities[4].activeLabs[*].id")).containsExactlyInAnyOrder(lab, other);
        assertThat(references.<Object>get("data._entities[5].activeLabs")).isNull();
        assertThat(references.<String>get("data._entities[6].name")).isEqualTo("Windows Server 2022 analyst desktop (RDP)");

        GraphQlClient.Response manager = entities(Persona.ACME_MANAGER, List.of(
                Map.of("__typename", "LabInstance", "id", lab),
                Map.of("__typename", "User", "id", Persona.ACME_TRAINEE.subject()))).assertNoErrors();
        assertThat(manager.<String>get("data._entities[0].id")).isEqualTo(lab);
        assertThat(manager.<Object>get("data._entities[0].connectionUrl")).isNull();
        assertThat(manager.<List<String>>get("data._entities[1].activeLabs[*].id")).containsExactlyInAnyOrder(lab, other);
    }

    @Test
    void another_trainee_of_the_same_organization_cannot_see_a_colleagues_lab() {
        String lab = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        Persona colleague = LabAuthorizationTest.OTHER_ACME_TRAINEE;
        assertThat(as(colleague, Ops.LAB, Map.of("id", lab)).assertNoErrors().<Object>get("data.labInstance")).isNull();
        assertThat(entities(colleague, List.of(Map.of("__typename", "LabInstance", "id", lab),
                Map.of("__typename", "User", "id", Persona.ACME_TRAINEE.subject()))).assertNoErrors()
                .<Object>get("data._entities[1].activeLabs")).isNull();
    }
}
