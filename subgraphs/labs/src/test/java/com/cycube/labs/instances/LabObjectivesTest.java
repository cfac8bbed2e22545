package com.cycube.labs.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.support.contracts.labs.LabObjectivesMet;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Lab objectives: the demo templates carry two each, a lab takes its template's at launch, the in-VM checker
 * (integration client with labs:report of the lab's organization) or root reports them — a manager only for labs
 * of the organization's own content and never for their own lab — and when the last one is met labs emits exactly
 * one {@code labs.LabObjectivesMet}.
 */
class LabObjectivesTest extends LabsIntegrationTest {

    static final Persona ACME_CHECKER = Persona.integration("acme-lab-checker", Persona.ACME, List.of("labs:report"));
    static final Persona GLOBEX_CHECKER = Persona.integration("globex-lab-checker", Persona.GLOBEX, List.of("labs:report"));
    static final Persona ACME_NO_SCOPE = Persona.integration("acme-lms", Persona.ACME, List.of("training:write"));
    /** A second manager of Acme. */
    static final Persona OTHER_ACME_MANAGER = Persona.person("00000000-0000-4000-8000-000000000014", "bob@acme.test",
            "Bob Manager", "MANAGER", Persona.ACME);
    /** A LAB cube of a course of Acme's own (ORGANIZATION visibility). */
    static final String ACME_PRIVATE_LAB_CUBE = "cube-acme-private-lab";

    @BeforeEach
    void acmePublishedAPrivateCourseWithALabCube() {
        publishCourse(Persona.ACME, "course-acme-private", 1, List.of(cube(ACME_PRIVATE_LAB_CUBE, "LAB", "tmpl-kali-ssh")));
    }

    private GraphQlClient.Response report(Persona persona, String labId, String objectiveId) {
        return as(persona, Ops.RECORD_OBJECTIVE, Map.of("input", Map.of("labId", labId, "objectiveId", objectiveId)));
    }

    private static List<String> codes(GraphQlClient.Response response) {
        return response.errorCodes();
    }

    @Test
    void a_lab_shows_its_templates_objectives_none_met_yet() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        GraphQlClient.Response lab = as(Persona.ACME_TRAINEE, Ops.LAB, Map.of("id", id)).assertNoErrors();
        assertThat(lab.<List<String>>get("data.labInstance.objectives[*].id")).containsExactly("shell-on-target", "evidence-found");
        assertThat(lab.<List<Boolean>>get("data.labInstance.objectives[*].met")).containsExactly(false, false);
        assertThat(lab.<Object>get("data.labInstance.objectivesMetAt")).isNull();
        assertThat(as(Persona.ACME_TRAINEE, "{ labTemplate(id: \"tmpl-windows-rdp\") { objectives { id description } } }")
                .assertNoErrors().<List<String>>get("data.labTemplate.objectives[*].id"))
                .containsExactly("artefact-identified", "threat-contained");
    }

    @Test
    void meeting_every_objective_emits_lab_objectives_met_exactly_once() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        List<DomainEvent> events = eventsOf(LabObjectivesMet.class, () -> {
            GraphQlClient.Response first = report(ACME_CHECKER, id, "shell-on-target").assertNoErrors();
            assertThat(first.<Boolean>get("data.recordLabObjective.allMet")).isFalse();
            assertThat(first.<List<Boolean>>get("data.recordLabObjective.lab.objectives[*].met")).containsExactly(true, false);
            GraphQlClient.Response last = report(ACME_CHECKER, id, "evidence-found").assertNoErrors();
            assertThat(last.<Boolean>get("data.recordLabObjective.allMet")).isTrue();
            assertThat(last.<String>get("data.recordLabObjective.lab.objectivesMetAt")).isNotNull();
            report(ACME_CHECKER, id, "evidence-found").assertNoErrors();   // reported again
            report(Persona.ROOT, id, "shell-on-target").assertNoErrors();
        });
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(Persona.ACME);
            assertThat(event.payloadAs(LabObjectivesMet.class))
                    .isEqualTo(new LabObjectivesMet(id, Persona.ACME_TRAINEE.subject(), "cube-linux-lab"));
        });
        assertThat(stored(id).objectivesMet()).containsExactlyInAnyOrder("shell-on-target", "evidence-found");
    }

    @Test
    void who_may_report_an_objective() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        long revision = stored(id).revision();
        assertThat(codes(report(Persona.ACME_TRAINEE, id, "shell-on-target"))).containsExactly("FORBIDDEN"); // the owner
        assertThat(codes(report(LabAuthorizationTest.OTHER_ACME_TRAINEE, id, "shell-on-target"))).containsExactly("FORBIDDEN");
        assertThat(codes(report(ACME_NO_SCOPE, id, "shell-on-target"))).containsExactly("FORBIDDEN");
        assertThat(codes(report(Persona.GLOBEX_MANAGER, id, "shell-on-target"))).containsExactly("NOT_FOUND");
        assertThat(codes(report(GLOBEX_CHECKER, id, "shell-on-target"))).containsExactly("NOT_FOUND");
        assertThat(anonymous(Ops.RECORD_OBJECTIVE, Map.of("input", Map.of("labId", id, "objectiveId", "shell-on-target")))
                .errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(stored(id).revision()).isEqualTo(revision);
        assertThat(stored(id).objectivesMet()).isEmpty();

        assertThat(codes(report(ACME_CHECKER, id, "shell-on-target"))).isEmpty();
        assertThat(codes(report(Persona.ROOT, id, "evidence-found"))).isEmpty();
        String orgLab = running(Persona.ACME_TRAINEE, ACME_PRIVATE_LAB_CUBE);
        assertThat(codes(report(Persona.ACME_MANAGER, orgLab, "shell-on-target"))).isEmpty();
    }

    // ------------------------------------------------------------------ nobody confirms their own lab; platform content

    @Test
    void a_manager_cannot_confirm_objectives_of_their_own_lab() {
        String own = running(Persona.ACME_MANAGER, ACME_PRIVATE_LAB_CUBE);
        LabInstanceDocument before = stored(own);
        List<String> audited = auditedDuring(() -> {
            GraphQlClient.Response refused = report(Persona.ACME_MANAGER, own, "shell-on-target");
            assertThat(codes(refused)).containsExactly("FORBIDDEN");
            assertThat(refused.body()).contains("own lab").doesNotContain("Exception", "at com.");
        });
        assertThat(stored(own)).isEqualTo(before);
        assertThat(audited).singleElement().satisfies(record -> assertThat(record)
                .contains("\"action\":\"mutation.recordLabObjective\"", "\"outcome\":\"DENIED\"", "\"errorCode\":\"FORBIDDEN\"",
                        "\"actor\":\"" + Persona.ACME_MANAGER.subject() + "\""));

        // a colleague manager may (own organization's content), and so may the checker
        assertThat(codes(report(OTHER_ACME_MANAGER, own, "shell-on-target"))).isEmpty();
        assertThat(codes(report(ACME_CHECKER, own, "evidence-found"))).isEmpty();
    }

    @Test
    void a_manager_who_launched_a_platform_lab_cannot_confirm_its_objectives_so_nothing_completes() {
        String own = running(Persona.ACME_MANAGER, "cube-linux-lab");
        List<DomainEvent> events = eventsOf(LabObjectivesMet.class, () -> {
            assertThat(codes(report(Persona.ACME_MANAGER, own, "shell-on-target"))).containsExactly("FORBIDDEN");
            assertThat(codes(report(Persona.ACME_MANAGER, own, "evidence-found"))).containsExactly("FORBIDDEN");
        });
        assertThat(events).isEmpty();
        assertThat(stored(own).objectivesMet()).isEmpty();
        assertThat(stored(own).objectivesMetAt()).isNull();
    }

    @Test
    void objectives_of_platform_content_are_confirmed_only_by_the_checker_or_root_never_by_a_manager() {
        String global = running(Persona.ACME_TRAINEE, "cube-linux-lab"); // the test course is GLOBAL
        long revision = stored(global).revision();
        List<String> audited = auditedDuring(() -> {
            assertThat(codes(report(Persona.ACME_MANAGER, global, "shell-on-target"))).containsExactly("FORBIDDEN");
            assertThat(codes(report(OTHER_ACME_MANAGER, global, "evidence-found"))).containsExactly("FORBIDDEN");
        });
        assertThat(audited).hasSize(2).allSatisfy(record -> assertThat(record).contains("\"outcome\":\"DENIED\""));
        assertThat(stored(global).revision()).isEqualTo(revision);
        assertThat(stored(global).objectivesMet()).isEmpty();

        assertThat(codes(report(ACME_CHECKER, global, "shell-on-target"))).isEmpty();
        assertThat(codes(report(Persona.ROOT, global, "evidence-found"))).isEmpty();
        assertThat(stored(global).objectivesMetAt()).isNotNull();
    }

    @Test
    void a_lab_whose_cube_labs_knows_nothing_about_counts_as_platform_content() {
        String id = running(Persona.ACME_TRAINEE, ACME_PRIVATE_LAB_CUBE);
        mongo.remove(Query.query(Criteria.where("_id").is(ACME_PRIVATE_LAB_CUBE)), "lab_cubes");
        assertThat(codes(report(Persona.ACME_MANAGER, id, "shell-on-target"))).containsExactly("FORBIDDEN");
        assertThat(codes(report(ACME_CHECKER, id, "shell-on-target"))).isEmpty();
    }

    @Test
    void an_unknown_objective_is_bad_input_and_changes_nothing() {
        String id = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        long revision = stored(id).revision();
        assertThat(codes(report(ACME_CHECKER, id, "artefact-identified"))).containsExactly("BAD_USER_INPUT");
        assertThat(codes(report(ACME_CHECKER, "lab-missing", "shell-on-target"))).containsExactly("NOT_FOUND");
        assertThat(stored(id).revision()).isEqualTo(revision);
    }

    @Test
    void objectives_count_while_running_and_shortly_after_but_not_before_the_lab_ever_ran() {
        String provisioning = launch(Persona.ACME_TRAINEE, "cube-linux-lab");
        assertThat(codes(report(ACME_CHECKER, provisioning, "shell-on-target"))).containsExactly("CONFLICT");

        String id = running(Persona.ACME_TRAINEE, "cube-webapp-lab");
        report(ACME_CHECKER, id, "shell-on-target").assertNoErrors();
        as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", id))).assertNoErrors();
        clock.advance(Duration.ofMinutes(2));
        List<DomainEvent> events = eventsOf(LabObjectivesMet.class,
                () -> report(ACME_CHECKER, id, "evidence-found").assertNoErrors()); // the checker's late report
        assertThat(events).hasSize(1);

        String late = running(Persona.ACME_TRAINEE, "cube-other");
        as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", late))).assertNoErrors();
        clock.advance(Duration.ofMinutes(11));
        assertThat(codes(report(ACME_CHECKER, late, "shell-on-target"))).containsExactly("CONFLICT");
    }

    @Test
    void unit_a_lab_counts_objectives_for_the_grace_period_after_it_stopped_running() {
        Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
        LabInstanceDocument lab = new LabInstanceDocument("lab-x", Persona.ACME, "u", "c", "t", LabState.TERMINATED, 4, 1, null,
                null, null, null, null, t0, t0.plusSeconds(3600), null, null, List.of(
                new LabTransition(null, LabState.REQUESTED, t0, "launched"),
                new LabTransition(LabState.REQUESTED, LabState.PROVISIONING, t0, "vm"),
                new LabTransition(LabState.PROVISIONING, LabState.RUNNING, t0.plusSeconds(60), "running"),
                new LabTransition(LabState.RUNNING, LabState.STOPPING, t0.plusSeconds(600), "terminated"),
                new LabTransition(LabState.STOPPING, LabState.TERMINATED, t0.plusSeconds(610), "gone")), List.of(), List.of(), t0);
        Duration grace = Duration.ofMinutes(10);
        assertThat(LabObjectives.countsObjectives(lab, t0.plusSeconds(600 + 599), grace)).isTrue();
        assertThat(LabObjectives.countsObjectives(lab, t0.plusSeconds(600 + 601), grace)).isFalse();
    }

    @Test
    void root_sets_a_templates_objectives_and_labs_launched_before_keep_theirs() {
        String before = running(Persona.ACME_TRAINEE, "cube-linux-lab");
        as(Persona.ROOT, "mutation($input: UpdateLabTemplateInput!) { updateLabTemplate(input: $input) { template { id } } }",
                Map.of("input", Map.of("id", "tmpl-kali-ssh", "objectives", List.of(Map.of("id", "only-one", "description", "Just this")))))
                .assertNoErrors();
        assertThat(stored(before).objectives()).extracting(o -> o.id()).containsExactly("shell-on-target", "evidence-found");
        String after = running(Persona.ACME_TRAINEE, "cube-webapp-lab");
        assertThat(stored(after).objectives()).extracting(o -> o.id()).containsExactly("only-one");
        assertThat(eventsOf(LabObjectivesMet.class, () -> report(ACME_CHECKER, after, "only-one").assertNoErrors())).hasSize(1);

        assertThat(as(Persona.ROOT, "mutation($input: UpdateLabTemplateInput!) { updateLabTemplate(input: $input) { template { id } } }",
                Map.of("input", Map.of("id", "tmpl-kali-ssh", "objectives", List.of(Map.of("id", "a", "description", "x"),
                        Map.of("id", "a", "description", "y"))))).errorCodes()).containsExactly("BAD_USER_INPUT");
    }
}
