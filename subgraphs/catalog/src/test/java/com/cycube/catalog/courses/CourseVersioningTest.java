package com.cycube.catalog.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.catalog.CatalogIntegrationTest;
import com.cycube.catalog.Ops;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Publish workflow: a published version never changes; edits go to the next draft version. */
class CourseVersioningTest extends CatalogIntegrationTest {

    @Test
    void editing_a_published_course_starts_version_2_while_trainees_keep_seeing_version_1() {
        CourseVersionDocument v1Before = mongo.findById("course-phishing:v1", CourseVersionDocument.class);
        var edited = as(Persona.ROOT, Ops.UPDATE_COURSE, Map.of("input",
                Map.of("courseId", "course-phishing", "title", "Phishing Defense 2027"))).assertNoErrors();
        assertThat(edited.<Map<String, Object>>get("data.updateCourse.course"))
                .containsEntry("version", 2).containsEntry("status", "DRAFT").containsEntry("publishedVersion", 1)
                .containsEntry("draftVersion", 2).containsEntry("title", "Phishing Defense 2027");
        assertThat(edited.<List<String>>get("data.updateCourse.course.modules[*].id"))
                .containsExactly("module-phishing-recognize", "module-phishing-respond");

        var trainee = as(Persona.ACME_TRAINEE, Ops.COURSE, Map.of("id", "course-phishing")).assertNoErrors();
        assertThat(trainee.<Map<String, Object>>get("data.course")).containsEntry("title", "Phishing Defense Fundamentals")
                .containsEntry("version", 1).containsEntry("status", "PUBLISHED");
        assertThat(as(Persona.ACME_TRAINEE, Ops.SEARCH, Map.of("q", "2027")).assertNoErrors()
                .<Integer>get("data.searchCatalog.totalCount")).isZero();
        assertThat(mongo.findById("course-phishing:v1", CourseVersionDocument.class)).isEqualTo(v1Before);
    }

    @Test
    void publishing_the_draft_supersedes_the_previous_version_which_authors_can_still_read() {
        as(Persona.ROOT, Ops.UPDATE_COURSE, Map.of("input", Map.of("courseId", "course-linux", "title", "Linux for Defenders")))
                .assertNoErrors();
        as(Persona.ROOT, Ops.ADD_MODULE, Map.of("input", Map.of("courseId", "course-linux", "title", "Persistence"))).assertNoErrors();
        var moreEdits = as(Persona.ROOT, Ops.COURSE, Map.of("id", "course-linux")).assertNoErrors();
        assertThat(moreEdits.<Integer>get("data.course.version")).isEqualTo(2);
        String newModule = moreEdits.get("data.course.modules[2].id");
        as(Persona.ROOT, Ops.ADD_CUBE, Map.of("input", Map.of("courseId", "course-linux", "moduleId", newModule,
                "kind", "READING", "title", "Cron Jobs", "content", "Check `crontab -l` for every user.", "estimatedMinutes", 5)))
                .assertNoErrors();

        var published = as(Persona.ROOT, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", "course-linux"))).assertNoErrors();
        assertThat(published.<Map<String, Object>>get("data.publishCourse.course")).containsEntry("version", 2)
                .containsEntry("status", "PUBLISHED").containsEntry("publishedVersion", 2).containsEntry("draftVersion", null);

        var trainee = as(Persona.GLOBEX_TRAINEE, Ops.COURSE, Map.of("id", "course-linux")).assertNoErrors();
        assertThat(trainee.<String>get("data.course.title")).isEqualTo("Linux for Defenders");
        assertThat(trainee.<List<String>>get("data.course.modules[*].title")).containsExactly("Shell Basics", "Hunting in Logs", "Persistence");
        assertThat(as(Persona.GLOBEX_TRAINEE, Ops.COURSE, Map.of("id", "course-linux", "version", 1)).assertNoErrors()
                .<Object>get("data.course")).isNull();

        var old = as(Persona.ROOT, Ops.COURSE, Map.of("id", "course-linux", "version", 1)).assertNoErrors();
        assertThat(old.<Map<String, Object>>get("data.course")).containsEntry("title", "Linux Command Line for Defenders")
                .containsEntry("status", "SUPERSEDED").containsEntry("version", 1);
        assertThat(old.<List<String>>get("data.course.modules[*].title")).containsExactly("Shell Basics", "Hunting in Logs");
        assertThat(old.<List<Object>>get("data.course.versions[*].version")).containsExactly(2, 1);
        assertThat(old.<List<Object>>get("data.course.versions[*].status")).containsExactly("PUBLISHED", "SUPERSEDED");

        assertThat(as(Persona.ACME_TRAINEE, Ops.SEARCH, Map.of("q", "cron jobs")).assertNoErrors()
                .<List<String>>get("data.searchCatalog.edges[*].node.course.id")).containsExactly("course-linux");
    }

    @Test
    void module_and_cube_ids_survive_republishing() {
        as(Persona.ROOT, Ops.UPDATE_CUBE, Map.of("input", Map.of("courseId", "course-webapp", "cubeId", "cube-webapp-sqli",
                "title", "SQL Injection, Explained Again"))).assertNoErrors();
        as(Persona.ROOT, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", "course-webapp"))).assertNoErrors();
        var cube = as(Persona.ACME_TRAINEE, Ops.CUBE, Map.of("id", "cube-webapp-sqli")).assertNoErrors();
        assertThat(cube.<String>get("data.cube.title")).isEqualTo("SQL Injection, Explained Again");
        assertThat(cube.<Integer>get("data.cube.course.version")).isEqualTo(2);
    }

    @Test
    void the_acme_manager_sees_the_draft_of_an_acme_course_while_acme_trainees_see_the_published_version() {
        as(Persona.ACME_MANAGER, Ops.REMOVE_MODULE, Map.of("input",
                Map.of("courseId", "course-acme-ir", "moduleId", "module-acme-ir-contain"))).assertNoErrors();
        assertThat(as(Persona.ACME_MANAGER, Ops.COURSE, Map.of("id", "course-acme-ir")).assertNoErrors()
                .<List<String>>get("data.course.modules[*].id")).containsExactly("module-acme-ir-triage");
        assertThat(as(Persona.ACME_TRAINEE, Ops.COURSE, Map.of("id", "course-acme-ir")).assertNoErrors()
                .<List<String>>get("data.course.modules[*].id")).containsExactly("module-acme-ir-triage", "module-acme-ir-contain");
        assertThat(as(Persona.ACME_TRAINEE, Ops.CUBE, Map.of("id", "cube-acme-ir-isolation-lab")).assertNoErrors()
                .<String>get("data.cube.kind")).isEqualTo("LAB");
    }

    @Test
    void an_archived_course_leaves_browsing_and_search_but_still_opens_by_id() {
        var archived = as(Persona.ROOT, Ops.ARCHIVE_COURSE, Map.of("input", Map.of("courseId", "course-webapp"))).assertNoErrors();
        assertThat(archived.<String>get("data.archiveCourse.course.status")).isEqualTo("ARCHIVED");

        assertThat(as(Persona.ACME_TRAINEE, Ops.COURSES).assertNoErrors().<List<String>>get("data.courses.edges[*].node.id"))
                .doesNotContain("course-webapp");
        assertThat(as(Persona.ACME_TRAINEE, Ops.SEARCH, Map.of("q", "injection")).assertNoErrors()
                .<Integer>get("data.searchCatalog.totalCount")).isZero();
        var opened = as(Persona.ACME_TRAINEE, Ops.COURSE, Map.of("id", "course-webapp")).assertNoErrors();
        assertThat(opened.<String>get("data.course.status")).isEqualTo("ARCHIVED");
        assertThat(opened.<List<String>>get("data.course.modules[*].id")).hasSize(2);

        assertThat(as(Persona.ROOT, Ops.COURSES, Map.of("filter", Map.of("status", "ARCHIVED"))).assertNoErrors()
                .<List<String>>get("data.courses.edges[*].node.id")).containsExactly("course-webapp");
        var edit = as(Persona.ROOT, Ops.UPDATE_COURSE, Map.of("input", Map.of("courseId", "course-webapp", "title", "Back")));
        assertThat(edit.errorCodes()).containsExactly("BAD_USER_INPUT");
    }

    @Test
    void authors_filter_their_courses_by_status_level_skill_and_visibility() {
        as(Persona.ROOT, Ops.UPDATE_COURSE, Map.of("input", Map.of("courseId", "course-linux", "level", "ADVANCED"))).assertNoErrors();
        assertThat(filtered(Persona.ROOT, Map.of("status", "DRAFT"))).containsExactly("course-linux", "course-ransomware-draft");
        assertThat(filtered(Persona.ROOT, Map.of("status", "PUBLISHED"))).containsExactly("course-phishing", "course-webapp", "course-acme-ir");
        assertThat(filtered(Persona.ROOT, Map.of("level", "ADVANCED"))).containsExactly("course-linux", "course-ransomware-draft");
        assertThat(filtered(Persona.ACME_TRAINEE, Map.of("level", "BEGINNER"))).containsExactly("course-phishing", "course-linux");
        assertThat(filtered(Persona.ACME_TRAINEE, Map.of("skillId", "skill-nice-pr-cda-001"))).containsExactly("course-phishing", "course-linux");
        assertThat(filtered(Persona.ACME_TRAINEE, Map.of("visibility", "ORGANIZATION"))).containsExactly("course-acme-ir");
        assertThat(filtered(Persona.ACME_TRAINEE, Map.of("authorId", Persona.ACME_MANAGER.subject()))).containsExactly("course-acme-ir");
    }

    @Test
    void pages_of_courses_are_linked_by_cursors() {
        var first = as(Persona.ACME_TRAINEE, Ops.COURSES, Map.of("first", 3)).assertNoErrors();
        assertThat(first.<Boolean>get("data.courses.pageInfo.hasNextPage")).isTrue();
        assertThat(first.<Integer>get("data.courses.totalCount")).isEqualTo(4);
        var second = as(Persona.ACME_TRAINEE, Ops.COURSES, Map.of("first", 3, "after", first.<String>get("data.courses.pageInfo.endCursor")))
                .assertNoErrors();
        assertThat(second.<List<String>>get("data.courses.edges[*].node.id")).containsExactly("course-acme-ir");
        assertThat(second.<Boolean>get("data.courses.pageInfo.hasNextPage")).isFalse();
    }

    private List<String> filtered(Persona persona, Map<String, Object> filter) {
        return as(persona, Ops.COURSES, Map.of("filter", filter)).assertNoErrors().get("data.courses.edges[*].node.id");
    }
}
