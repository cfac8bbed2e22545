package com.cycube.catalog.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.catalog.CatalogIntegrationTest;
import com.cycube.catalog.Ops;
import com.cycube.testclient.Persona;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/** Rejected input answers BAD_USER_INPUT (or CONFLICT) and leaves every stored document exactly as it was. */
class CourseValidationTest extends CatalogIntegrationTest {

    @Test
    void a_course_needs_a_title() {
        for (String title : new String[] {"", "   "}) {
            var response = as(Persona.ROOT, Ops.CREATE_COURSE, Map.of("input", Map.of("title", title, "level", "BEGINNER")));
            assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        }
        assertThat(mongo.count(new Query(), "courses")).isEqualTo(5);
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.UPDATE_COURSE,
                Map.of("input", Map.of("courseId", "course-acme-ir", "title", " "))));
    }

    @Test
    void unknown_skills_are_rejected() {
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.UPDATE_COURSE,
                Map.of("input", Map.of("courseId", "course-acme-ir", "skillIds", List.of("skill-nice-pr-cir-001", "no-such-skill")))));
    }

    @Test
    void a_lab_cube_needs_a_lab_template_and_a_reading_needs_content() {
        Map<String, Object> lab = cube("LAB", "Isolate the host");
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.ADD_CUBE, Map.of("input", lab)));
        Map<String, Object> reading = cube("READING", "Empty reading");
        reading.put("content", "  ");
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.ADD_CUBE, Map.of("input", reading)));
        Map<String, Object> untitled = cube("QUIZ", "");
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.ADD_CUBE, Map.of("input", untitled)));
        Map<String, Object> endless = cube("QUIZ", "Endless quiz");
        endless.put("estimatedMinutes", 0);
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.ADD_CUBE, Map.of("input", endless)));
        // turning a quiz into a lab without saying which template is rejected too
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.UPDATE_CUBE, Map.of("input",
                Map.of("courseId", "course-acme-ir", "cubeId", "cube-acme-ir-quiz", "kind", "LAB"))));
    }

    @Test
    void modules_need_titles_and_valid_positions_and_reordering_must_name_every_module() {
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.ADD_MODULE,
                Map.of("input", Map.of("courseId", "course-acme-ir", "title", ""))));
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.ADD_MODULE,
                Map.of("input", Map.of("courseId", "course-acme-ir", "title", "Late", "position", 9))));
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.REORDER_MODULES,
                Map.of("input", Map.of("courseId", "course-acme-ir", "moduleIds", List.of("module-acme-ir-contain")))));
        assertUnchanged("course-acme-ir", () -> as(Persona.ACME_MANAGER, Ops.REORDER_MODULES, Map.of("input",
                Map.of("courseId", "course-acme-ir", "moduleIds", List.of("module-acme-ir-contain", "module-acme-ir-contain")))));
    }

    @Test
    void a_course_without_modules_or_with_an_empty_module_cannot_be_published() {
        String courseId = as(Persona.ROOT, Ops.CREATE_COURSE, Map.of("input", Map.of("title", "Empty shell", "level", "BEGINNER")))
                .assertNoErrors().get("data.createCourse.course.id");
        var noModules = as(Persona.ROOT, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", courseId)));
        assertThat(noModules.errorCodes()).containsExactly("BAD_USER_INPUT");

        as(Persona.ROOT, Ops.ADD_MODULE, Map.of("input", Map.of("courseId", courseId, "title", "Nothing yet"))).assertNoErrors();
        assertUnchanged(courseId, () -> as(Persona.ROOT, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", courseId))));
        assertThat(mongo.findById(courseId, CourseDocument.class).status()).isEqualTo(CourseStatus.DRAFT);
        assertThat(mongo.findById(CourseVersionDocument.idOf(courseId, 1), CourseVersionDocument.class)).isNull();
    }

    @Test
    void a_published_course_without_a_draft_has_nothing_to_publish() {
        assertUnchanged("course-phishing", () -> as(Persona.ROOT, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", "course-phishing"))));
    }

    @Test
    void a_draft_only_course_cannot_be_archived() {
        assertUnchanged("course-ransomware-draft", () -> as(Persona.ROOT, Ops.ARCHIVE_COURSE,
                Map.of("input", Map.of("courseId", "course-ransomware-draft"))));
    }

    @Test
    void an_edit_based_on_a_stale_revision_is_a_conflict_and_changes_nothing() {
        var first = as(Persona.ACME_MANAGER, Ops.UPDATE_COURSE, Map.of("input",
                Map.of("courseId", "course-acme-ir", "expectedRevision", 0, "title", "Alice's title"))).assertNoErrors();
        assertThat(first.<Integer>get("data.updateCourse.course.revision")).isEqualTo(1);

        CourseDocument before = mongo.findById("course-acme-ir", CourseDocument.class);
        var second = as(Persona.ROOT, Ops.UPDATE_COURSE, Map.of("input",
                Map.of("courseId", "course-acme-ir", "expectedRevision", 0, "title", "Root's title")));
        assertThat(second.errorCodes()).containsExactly("CONFLICT");
        var publish = as(Persona.ACME_MANAGER, Ops.PUBLISH_COURSE, Map.of("input",
                Map.of("courseId", "course-acme-ir", "expectedRevision", 0)));
        assertThat(publish.errorCodes()).containsExactly("CONFLICT");
        assertThat(mongo.findById("course-acme-ir", CourseDocument.class)).isEqualTo(before);
        assertThat(before.draft().title()).isEqualTo("Alice's title");
    }

    @Test
    void edits_of_unknown_modules_and_cubes_are_not_found() {
        var response = as(Persona.ACME_MANAGER, Ops.UPDATE_CUBE, Map.of("input",
                Map.of("courseId", "course-acme-ir", "cubeId", "cube-phishing-anatomy", "title", "Stolen")));
        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(mongo.findById("course-acme-ir", CourseDocument.class).revision()).isZero();
    }

    @Test
    void page_sizes_and_cursors_are_validated() {
        assertThat(as(Persona.ACME_TRAINEE, Ops.COURSES, Map.of("first", 0)).errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(as(Persona.ACME_TRAINEE, Ops.COURSES, Map.of("after", "not-a-cursor")).errorCodes()).containsExactly("BAD_USER_INPUT");
    }

    private Map<String, Object> cube(String kind, String title) {
        Map<String, Object> input = new HashMap<>();
        input.put("courseId", "course-acme-ir");
        input.put("moduleId", "module-acme-ir-triage");
        input.put("kind", kind);
        input.put("title", title);
        input.put("estimatedMinutes", 10);
        return input;
    }

    /** Sends a request that must be rejected as bad input and checks the course head and versions are untouched. */
    private void assertUnchanged(String courseId, java.util.function.Supplier<com.cycube.testclient.GraphQlClient.Response> request) {
        CourseDocument head = mongo.findById(courseId, CourseDocument.class);
        long versions = mongo.count(new Query(), CourseVersionDocument.class);
        var response = request.get();
        assertThat(response.errorCodes()).as(response.body()).containsExactly("BAD_USER_INPUT");
        assertThat(mongo.findById(courseId, CourseDocument.class)).isEqualTo(head);
        assertThat(mongo.count(new Query(), CourseVersionDocument.class)).isEqualTo(versions);
    }
}
