package com.cycube.catalog.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.catalog.CatalogIntegrationTest;
import com.cycube.catalog.Ops;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may author what: root global content, managers their organization's, nobody else anything. */
class CourseAuthoringTest extends CatalogIntegrationTest {

    private static final Persona ACME_CATALOG_WRITER =
            Persona.integration("acme-lms", Persona.ACME, List.of("catalog:read", "catalog:write"));

    @Test
    void root_authors_global_courses() {
        var course = create(Persona.ROOT, Map.of("title", "Threat Hunting 101", "level", "INTERMEDIATE",
                "skillIds", List.of("skill-mitre-t1059"))).assertNoErrors();
        assertThat(course.<Map<String, Object>>get("data.createCourse.course")).containsEntry("visibility", "GLOBAL")
                .containsEntry("organizationId", null).containsEntry("status", "DRAFT").containsEntry("version", 1)
                .containsEntry("author", Map.of("id", Persona.ROOT.subject()));
        assertThat(course.<List<String>>get("data.createCourse.course.skills[*].code")).containsExactly("T1059");
    }

    @Test
    void an_acme_manager_authors_courses_private_to_acme_only() {
        var course = create(Persona.ACME_MANAGER, Map.of("title", "Acme Badge Policy", "level", "BEGINNER")).assertNoErrors();
        assertThat(course.<Map<String, Object>>get("data.createCourse.course"))
                .containsEntry("visibility", "ORGANIZATION").containsEntry("organizationId", "org-acme");
        assertThat(create(Persona.ACME_MANAGER, Map.of("title", "For everyone", "level", "BEGINNER", "visibility", "GLOBAL"))
                .errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void trainees_and_integration_clients_never_author() {
        Map<String, Object> input = Map.of("title", "Sneaky", "level", "BEGINNER");
        assertThat(create(Persona.ACME_TRAINEE, input).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(create(Persona.ACME_HR_INTEGRATION, input).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(create(ACME_CATALOG_WRITER, input).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(anonymous(Ops.CREATE_COURSE, Map.of("input", input)).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "courses")).isEqualTo(5);
    }

    /** Every authoring mutation, aimed at Acme's course, with a valid input. */
    static Stream<Arguments> authoringMutations() {
        return Stream.of(
                Arguments.of("updateCourse", Ops.UPDATE_COURSE, Map.of("courseId", "course-acme-ir", "title", "Renamed")),
                Arguments.of("addModule", Ops.ADD_MODULE, Map.of("courseId", "course-acme-ir", "title", "Lessons Learned")),
                Arguments.of("updateModule", Ops.UPDATE_MODULE, Map.of("courseId", "course-acme-ir",
                        "moduleId", "module-acme-ir-triage", "title", "Triage")),
                Arguments.of("removeModule", Ops.REMOVE_MODULE, Map.of("courseId", "course-acme-ir",
                        "moduleId", "module-acme-ir-contain")),
                Arguments.of("reorderModules", Ops.REORDER_MODULES, Map.of("courseId", "course-acme-ir",
                        "moduleIds", List.of("module-acme-ir-contain", "module-acme-ir-triage"))),
                Arguments.of("addCube", Ops.ADD_CUBE, Map.of("courseId", "course-acme-ir", "moduleId", "module-acme-ir-triage",
                        "kind", "QUIZ", "title", "Another quiz", "estimatedMinutes", 5)),
                Arguments.of("updateCube", Ops.UPDATE_CUBE, Map.of("courseId", "course-acme-ir", "cubeId", "cube-acme-ir-quiz",
                        "title", "Escalation Check")),
                Arguments.of("removeCube", Ops.REMOVE_CUBE, Map.of("courseId", "course-acme-ir", "cubeId", "cube-acme-ir-quiz")),
                Arguments.of("archiveCourse", Ops.ARCHIVE_COURSE, Map.of("courseId", "course-acme-ir")));
    }

    @ParameterizedTest(name = "{0}: Acme manager may, trainee/integration FORBIDDEN, Globex manager NOT_FOUND")
    @MethodSource("authoringMutations")
    void only_acme_authors_change_an_acme_course(String name, String mutation, Map<String, Object> input) {
        assertThat(as(Persona.ACME_TRAINEE, mutation, Map.of("input", input)).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.ACME_HR_INTEGRATION, mutation, Map.of("input", input)).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(ACME_CATALOG_WRITER, mutation, Map.of("input", input)).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.GLOBEX_MANAGER, mutation, Map.of("input", input)).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(anonymous(mutation, Map.of("input", input)).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(mongo.findById("course-acme-ir", CourseDocument.class).revision()).isZero();

        as(Persona.ACME_MANAGER, mutation, Map.of("input", input)).assertNoErrors();
        assertThat(mongo.findById("course-acme-ir", CourseDocument.class).revision()).isEqualTo(1);
    }

    @Test
    void root_may_change_an_organizations_course() {
        as(Persona.ROOT, Ops.UPDATE_COURSE, Map.of("input", Map.of("courseId", "course-acme-ir", "title", "Reviewed by root")))
                .assertNoErrors();
        assertThat(mongo.findById("course-acme-ir", CourseDocument.class).draft().title()).isEqualTo("Reviewed by root");
    }

    @Test
    void a_manager_cannot_change_global_courses() {
        var visible = as(Persona.ACME_MANAGER, Ops.UPDATE_COURSE,
                Map.of("input", Map.of("courseId", "course-phishing", "title", "Acme's phishing")));
        assertThat(visible.errorCodes()).containsExactly("FORBIDDEN");
        var invisibleDraft = as(Persona.ACME_MANAGER, Ops.UPDATE_COURSE,
                Map.of("input", Map.of("courseId", "course-ransomware-draft", "title", "Mine now")));
        assertThat(invisibleDraft.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(as(Persona.ACME_MANAGER, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", "course-ransomware-draft")))
                .errorCodes()).containsExactly("NOT_FOUND");
    }

    @Test
    void publishing_is_for_authors_too() {
        Map<String, Object> input = Map.of("courseId", "course-ransomware-draft");
        assertThat(as(Persona.ACME_TRAINEE, Ops.PUBLISH_COURSE, Map.of("input", input)).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.PUBLISH_COURSE, Map.of("input", input)).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(as(Persona.ROOT, Ops.PUBLISH_COURSE, Map.of("input", input)).assertNoErrors()
                .<String>get("data.publishCourse.course.status")).isEqualTo("PUBLISHED");
    }

    @Test
    void an_acme_course_built_and_published_by_its_manager_reaches_acme_trainees_only() {
        String courseId = create(Persona.ACME_MANAGER, Map.of("title", "Acme VPN Hygiene", "level", "BEGINNER",
                "summary", "Connecting safely from hotels and airports.")).assertNoErrors().get("data.createCourse.course.id");
        String moduleId = as(Persona.ACME_MANAGER, Ops.ADD_MODULE, Map.of("input", Map.of("courseId", courseId, "title", "Before you connect")))
                .assertNoErrors().get("data.addModule.module.id");
        var reading = as(Persona.ACME_MANAGER, Ops.ADD_CUBE, Map.of("input", Map.of("courseId", courseId, "moduleId", moduleId,
                "kind", "READING", "title", "Public Wi-Fi Risks", "content", "# Public Wi-Fi\nAlways use the VPN.",
                "estimatedMinutes", 5))).assertNoErrors();
        assertThat(reading.<String>get("data.addCube.cube.content")).startsWith("# Public Wi-Fi");
        as(Persona.ACME_MANAGER, Ops.ADD_CUBE, Map.of("input", Map.of("courseId", courseId, "moduleId", moduleId,
                "kind", "LAB", "title", "Configure the VPN client", "labTemplateId", "tmpl-windows-rdp", "estimatedMinutes", 20,
                "position", 1))).assertNoErrors();

        assertThat(as(Persona.ACME_TRAINEE, Ops.COURSE, Map.of("id", courseId)).assertNoErrors().<Object>get("data.course")).isNull();
        as(Persona.ACME_MANAGER, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", courseId))).assertNoErrors();

        var trainee = as(Persona.ACME_TRAINEE, Ops.COURSE, Map.of("id", courseId)).assertNoErrors();
        assertThat(trainee.<String>get("data.course.status")).isEqualTo("PUBLISHED");
        assertThat(trainee.<Integer>get("data.course.estimatedMinutes")).isEqualTo(25);
        assertThat(trainee.<List<String>>get("data.course.modules[0].cubes[*].kind")).containsExactly("LAB", "READING");
        assertThat(trainee.<Object>get("data.course.versions")).isNull();
        assertThat(trainee.<Object>get("data.course.draftVersion")).isNull();
        assertThat(as(Persona.GLOBEX_TRAINEE, Ops.COURSE, Map.of("id", courseId)).assertNoErrors().<Object>get("data.course")).isNull();
        assertThat(as(Persona.ACME_TRAINEE, Ops.SEARCH, Map.of("q", "vpn hygene")).assertNoErrors()
                .<List<String>>get("data.searchCatalog.edges[*].node.course.id")).containsExactly(courseId);
        assertThat(as(Persona.GLOBEX_TRAINEE, Ops.SEARCH, Map.of("q", "vpn hygiene")).assertNoErrors()
                .<List<String>>get("data.searchCatalog.edges[*].node.course.id")).isEmpty();
    }

    @Test
    void an_omitted_summary_stays_as_it_was_and_a_summary_sent_as_null_is_cleared() {
        Map<String, Object> rename = Map.of("courseId", "course-acme-ir", "title", "Acme IR Playbook");
        assertThat(as(Persona.ACME_MANAGER, Ops.UPDATE_COURSE, Map.of("input", rename)).assertNoErrors()
                .<String>get("data.updateCourse.course.summary")).startsWith("Acme's own playbook");

        Map<String, Object> clear = new java.util.HashMap<>(rename);
        clear.put("summary", null);
        var cleared = as(Persona.ACME_MANAGER, Ops.UPDATE_COURSE, Map.of("input", clear)).assertNoErrors();
        assertThat(cleared.<Object>get("data.updateCourse.course.summary")).isNull();
        assertThat(cleared.<String>get("data.updateCourse.course.title")).isEqualTo("Acme IR Playbook");
    }

    @Test
    void only_root_adds_skills_and_every_reader_lists_them() {
        var created = as(Persona.ROOT, Ops.CREATE_SKILL, Map.of("input",
                Map.of("framework", "MITRE_ATTACK", "code", "T1486", "name", "Data Encrypted for Impact"))).assertNoErrors();
        assertThat(created.<String>get("data.createSkill.skill.code")).isEqualTo("T1486");
        assertThat(as(Persona.ACME_MANAGER, Ops.CREATE_SKILL, Map.of("input",
                Map.of("framework", "NICE", "code", "X", "name", "Y"))).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.ROOT, Ops.CREATE_SKILL, Map.of("input",
                Map.of("framework", "MITRE_ATTACK", "code", "T1486", "name", "Again"))).errorCodes()).containsExactly("CONFLICT");

        var nice = as(Persona.ACME_HR_INTEGRATION, Ops.SKILLS, Map.of("framework", "NICE")).assertNoErrors();
        assertThat(nice.<List<String>>get("data.skills[*].code")).containsExactly("PR-CDA-001", "PR-CIR-001");
        assertThat(as(Persona.GLOBEX_TRAINEE, Ops.SKILLS).assertNoErrors().<List<String>>get("data.skills[*].code"))
                .hasSize(7).contains("T1486", "T1566");
    }

    private com.cycube.testclient.GraphQlClient.Response create(Persona persona, Map<String, Object> input) {
        return as(persona, Ops.CREATE_COURSE, Map.of("input", input));
    }
}
