package com.cycube.catalog.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.catalog.CatalogIntegrationTest;
import com.cycube.catalog.Ops;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who sees which course: by list, by id, by search and by entity reference. */
class CourseVisibilityTest extends CatalogIntegrationTest {

    private static final Persona GLOBEX_BI = Persona.integration("globex-bi", Persona.GLOBEX, List.of("catalog:read"));
    private static final Persona ACME_HR_WITHOUT_CATALOG = Persona.integration("acme-hr-narrow", Persona.ACME, List.of("org:read"));

    @Test
    void an_acme_trainee_browses_global_published_courses_and_acme_ones_but_no_drafts() {
        assertThat(courseIds(Persona.ACME_TRAINEE))
                .containsExactly("course-phishing", "course-linux", "course-webapp", "course-acme-ir");
    }

    @Test
    void a_globex_trainee_never_sees_acme_private_courses() {
        assertThat(courseIds(Persona.GLOBEX_TRAINEE)).containsExactly("course-phishing", "course-linux", "course-webapp");
        assertThat(courseIds(Persona.GLOBEX_MANAGER)).containsExactly("course-phishing", "course-linux", "course-webapp");
    }

    @Test
    void integration_clients_read_the_catalog_of_their_organization_with_the_catalog_read_scope() {
        assertThat(courseIds(Persona.ACME_HR_INTEGRATION))
                .containsExactly("course-phishing", "course-linux", "course-webapp", "course-acme-ir");
        assertThat(courseIds(GLOBEX_BI)).containsExactly("course-phishing", "course-linux", "course-webapp");
        assertThat(as(ACME_HR_WITHOUT_CATALOG, Ops.COURSES).errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void anonymous_callers_are_asked_to_authenticate() {
        assertThat(anonymous(Ops.COURSES, Map.of()).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(anonymous(Ops.SEARCH, Map.of("q", "phishing")).errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void root_sees_every_draft_and_managers_see_their_organizations_drafts_only() {
        assertThat(courseIds(Persona.ROOT)).containsExactly("course-phishing", "course-linux", "course-webapp",
                "course-acme-ir", "course-ransomware-draft");
        String acmeDraft = createAcmeDraft();
        assertThat(courseIds(Persona.ACME_MANAGER)).contains(acmeDraft).doesNotContain("course-ransomware-draft");
        assertThat(courseIds(Persona.ACME_TRAINEE)).doesNotContain(acmeDraft);
    }

    @Test
    void trainees_cannot_list_drafts_or_archived_courses_even_when_they_ask_for_them() {
        for (String status : List.of("DRAFT", "ARCHIVED")) {
            var response = as(Persona.ACME_TRAINEE, Ops.COURSES, Map.of("filter", Map.of("status", status))).assertNoErrors();
            assertThat(response.<Integer>get("data.courses.totalCount")).isZero();
        }
    }

    @Test
    void a_draft_or_another_organizations_course_answers_like_a_missing_one_by_id() {
        assertThat(course(Persona.ACME_TRAINEE, "course-ransomware-draft")).isNull();
        assertThat(course(Persona.ACME_MANAGER, "course-ransomware-draft")).isNull();
        assertThat(course(Persona.GLOBEX_TRAINEE, "course-acme-ir")).isNull();
        assertThat(course(Persona.GLOBEX_MANAGER, "course-acme-ir")).isNull();
        assertThat(course(GLOBEX_BI, "course-acme-ir")).isNull();
        assertThat(course(Persona.ACME_TRAINEE, "course-acme-ir")).containsEntry("title", "Acme Incident Response Playbook");
        assertThat(course(Persona.ROOT, "course-ransomware-draft")).containsEntry("status", "DRAFT");
    }

    @Test
    void cubes_of_hidden_courses_answer_like_missing_ones() {
        assertThat(as(Persona.GLOBEX_TRAINEE, Ops.CUBE, Map.of("id", "cube-acme-ir-escalation")).assertNoErrors()
                .<Object>get("data.cube")).isNull();
        assertThat(as(Persona.ACME_TRAINEE, Ops.CUBE, Map.of("id", "cube-ransomware-first-hour")).assertNoErrors()
                .<Object>get("data.cube")).isNull();
        var reading = as(Persona.ACME_TRAINEE, Ops.CUBE, Map.of("id", "cube-acme-ir-escalation")).assertNoErrors();
        assertThat(reading.<String>get("data.cube.content")).contains("Acme escalation matrix");
        assertThat(reading.<String>get("data.cube.course.id")).isEqualTo("course-acme-ir");
        var lab = as(Persona.GLOBEX_TRAINEE, Ops.CUBE, Map.of("id", "cube-linux-triage-lab")).assertNoErrors();
        assertThat(lab.<String>get("data.cube.labTemplateId")).isEqualTo("tmpl-kali-ssh");
        assertThat(lab.<String>get("data.cube.module.id")).isEqualTo("module-linux-logs");
    }

    @Test
    void entity_references_to_hidden_courses_modules_and_cubes_resolve_to_null() {
        List<Map<String, Object>> representations = List.of(
                Map.of("__typename", "Course", "id", "course-acme-ir"),
                Map.of("__typename", "Course", "id", "course-ransomware-draft"),
                Map.of("__typename", "Module", "id", "module-acme-ir-triage"),
                Map.of("__typename", "Cube", "id", "cube-acme-ir-isolation-lab"),
                Map.of("__typename", "Cube", "id", "cube-ransomware-first-hour"),
                Map.of("__typename", "Course", "id", "course-phishing"));
        var globex = as(Persona.GLOBEX_TRAINEE, Ops.ENTITIES, Map.of("r", representations)).assertNoErrors();
        List<Object> entities = globex.get("data._entities");
        assertThat(entities.subList(0, 5)).containsOnlyNulls();
        assertThat(globex.<String>get("data._entities[5].title")).isEqualTo("Phishing Defense Fundamentals");

        var acme = as(Persona.ACME_TRAINEE, Ops.ENTITIES, Map.of("r", representations)).assertNoErrors();
        assertThat(acme.<String>get("data._entities[0].id")).isEqualTo("course-acme-ir");
        assertThat(acme.<Object>get("data._entities[1]")).isNull();
        assertThat(acme.<List<String>>get("data._entities[2].cubes[*].id"))
                .containsExactly("cube-acme-ir-escalation", "cube-acme-ir-quiz");
        assertThat(acme.<String>get("data._entities[3].kind")).isEqualTo("LAB");
        assertThat(acme.<Object>get("data._entities[4]")).isNull();
    }

    @Test
    void entity_references_need_an_authenticated_reader() {
        var response = anonymous(Ops.ENTITIES, Map.of("r", List.of(Map.of("__typename", "Course", "id", "course-phishing"))));
        assertThat(response.errorCodes()).contains("UNAUTHENTICATED");
        assertThat(response.<Object>get("data._entities[0]")).isNull();
    }

    @Test
    void search_never_finds_drafts_or_another_organizations_courses() {
        assertThat(searchIds(Persona.GLOBEX_TRAINEE, "incident response playbook")).doesNotContain("course-acme-ir");
        assertThat(searchIds(Persona.ACME_TRAINEE, "incident response playbook")).first().isEqualTo("course-acme-ir");
        assertThat(searchIds(Persona.ROOT, "ransomware")).isEmpty();
        assertThat(searchIds(Persona.ACME_MANAGER, "ransomware")).isEmpty();
    }

    @Test
    void a_users_authored_courses_follow_the_same_visibility() {
        List<Map<String, Object>> acmeManager = List.of(Map.of("__typename", "User", "id", Persona.ACME_MANAGER.subject()));
        var globex = as(Persona.GLOBEX_TRAINEE, Ops.ENTITIES, Map.of("r", acmeManager)).assertNoErrors();
        assertThat(globex.<Integer>get("data._entities[0].authoredCourses.totalCount")).isZero();
        var acme = as(Persona.ACME_TRAINEE, Ops.ENTITIES, Map.of("r", acmeManager)).assertNoErrors();
        assertThat(acme.<List<String>>get("data._entities[0].authoredCourses.edges[*].node.id")).containsExactly("course-acme-ir");

        List<Map<String, Object>> root = List.of(Map.of("__typename", "User", "id", Persona.ROOT.subject()));
        assertThat(as(Persona.ACME_TRAINEE, Ops.ENTITIES, Map.of("r", root)).assertNoErrors()
                .<List<String>>get("data._entities[0].authoredCourses.edges[*].node.id"))
                .containsExactly("course-phishing", "course-linux", "course-webapp");
    }

    @Test
    void course_author_is_a_user_reference_for_the_identity_subgraph() {
        assertThat(course(Persona.ACME_TRAINEE, "course-acme-ir"))
                .containsEntry("author", Map.of("id", Persona.ACME_MANAGER.subject()));
    }

    private List<String> courseIds(Persona persona) {
        return as(persona, Ops.COURSES).assertNoErrors().get("data.courses.edges[*].node.id");
    }

    private Map<String, Object> course(Persona persona, String id) {
        return as(persona, Ops.COURSE, Map.of("id", id)).assertNoErrors().get("data.course");
    }

    private List<String> searchIds(Persona persona, String query) {
        return as(persona, Ops.SEARCH, Map.of("q", query)).assertNoErrors().get("data.searchCatalog.edges[*].node.course.id");
    }

    private String createAcmeDraft() {
        return as(Persona.ACME_MANAGER, Ops.CREATE_COURSE, Map.of("input", Map.of("title", "Acme Badge Policy", "level", "BEGINNER")))
                .assertNoErrors().get("data.createCourse.course.id");
    }
}
