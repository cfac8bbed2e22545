package com.cycube.catalog.paths;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.catalog.CatalogIntegrationTest;
import com.cycube.catalog.Ops;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/** Learning paths: ordered published courses, with the same visibility and authoring rules as courses. */
class LearningPathTest extends CatalogIntegrationTest {

    @Test
    void trainees_follow_the_soc_analyst_path_through_its_courses_in_order() {
        var path = as(Persona.GLOBEX_TRAINEE, Ops.LEARNING_PATH, Map.of("id", "path-soc")).assertNoErrors();
        assertThat(path.<String>get("data.learningPath.title")).isEqualTo("SOC Analyst Foundations");
        assertThat(path.<List<String>>get("data.learningPath.courses[*].id")).containsExactly("course-phishing", "course-linux");
        assertThat(as(Persona.ACME_HR_INTEGRATION, Ops.LEARNING_PATHS).assertNoErrors()
                .<List<String>>get("data.learningPaths.edges[*].node.id")).containsExactly("path-soc");
    }

    @Test
    void an_acme_path_is_visible_to_acme_only_and_only_once_published() {
        var created = as(Persona.ACME_MANAGER, Ops.CREATE_LEARNING_PATH, Map.of("input", Map.of("title", "Acme Responder Track",
                "courseIds", List.of("course-phishing", "course-acme-ir")))).assertNoErrors();
        assertThat(created.<Map<String, Object>>get("data.createLearningPath.learningPath"))
                .containsEntry("status", "DRAFT").containsEntry("visibility", "ORGANIZATION").containsEntry("organizationId", "org-acme");
        String id = created.get("data.createLearningPath.learningPath.id");
        assertThat(pathIds(Persona.ACME_TRAINEE)).containsExactly("path-soc");
        assertThat(pathIds(Persona.ACME_MANAGER)).containsExactly("path-soc", id);

        as(Persona.ACME_MANAGER, Ops.PUBLISH_LEARNING_PATH, Map.of("input", Map.of("learningPathId", id))).assertNoErrors();
        assertThat(pathIds(Persona.ACME_TRAINEE)).containsExactly("path-soc", id);
        assertThat(as(Persona.ACME_TRAINEE, Ops.LEARNING_PATH, Map.of("id", id)).assertNoErrors()
                .<List<String>>get("data.learningPath.courses[*].id")).containsExactly("course-phishing", "course-acme-ir");

        assertThat(pathIds(Persona.GLOBEX_TRAINEE)).containsExactly("path-soc");
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.LEARNING_PATH, Map.of("id", id)).assertNoErrors()
                .<Object>get("data.learningPath")).isNull();
        var entity = as(Persona.GLOBEX_TRAINEE, Ops.ENTITIES, Map.of("r", List.of(Map.of("__typename", "LearningPath", "id", id))))
                .assertNoErrors();
        assertThat(entity.<Object>get("data._entities[0]")).isNull();
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.UPDATE_LEARNING_PATH, Map.of("input", Map.of("learningPathId", id, "title", "Mine")))
                .errorCodes()).containsExactly("NOT_FOUND");
    }

    @Test
    void a_path_may_only_reference_published_courses_everyone_who_sees_it_can_see() {
        assertRejected(Persona.ROOT, List.of("course-phishing", "course-acme-ir"));   // org-private course in a global path
        assertRejected(Persona.ROOT, List.of("course-ransomware-draft"));            // unpublished
        assertRejected(Persona.GLOBEX_MANAGER, List.of("course-acme-ir"));            // another organization's
        assertRejected(Persona.ACME_MANAGER, List.of("no-such-course"));
        assertRejected(Persona.ACME_MANAGER, List.of("course-linux", "course-linux"));
        var untitled = as(Persona.ACME_MANAGER, Ops.CREATE_LEARNING_PATH, Map.of("input", Map.of("title", " ", "courseIds", List.of())));
        assertThat(untitled.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(mongo.count(new Query(), "learning_paths")).isEqualTo(1);
    }

    @Test
    void an_empty_path_cannot_be_published_and_a_stale_revision_is_a_conflict() {
        String id = as(Persona.ROOT, Ops.CREATE_LEARNING_PATH, Map.of("input", Map.of("title", "Red Team", "courseIds", List.of())))
                .assertNoErrors().get("data.createLearningPath.learningPath.id");
        assertThat(as(Persona.ROOT, Ops.PUBLISH_LEARNING_PATH, Map.of("input", Map.of("learningPathId", id))).errorCodes())
                .containsExactly("BAD_USER_INPUT");
        var updated = as(Persona.ROOT, Ops.UPDATE_LEARNING_PATH, Map.of("input", Map.of("learningPathId", id, "expectedRevision", 0,
                "courseIds", List.of("course-webapp")))).assertNoErrors();
        assertThat(updated.<Integer>get("data.updateLearningPath.learningPath.revision")).isEqualTo(1);
        assertThat(as(Persona.ROOT, Ops.UPDATE_LEARNING_PATH, Map.of("input", Map.of("learningPathId", id, "expectedRevision", 0,
                "title", "Blue Team"))).errorCodes()).containsExactly("CONFLICT");
        assertThat(mongo.findById(id, LearningPathDocument.class).title()).isEqualTo("Red Team");
    }

    @Test
    void an_omitted_description_stays_as_it_was_and_a_description_sent_as_null_is_cleared() {
        String update = """
                mutation($input: UpdateLearningPathInput!) { updateLearningPath(input: $input) { learningPath { title description } } }""";
        assertThat(as(Persona.ROOT, update, Map.of("input", Map.of("learningPathId", "path-soc", "title", "SOC Basics")))
                .assertNoErrors().<String>get("data.updateLearningPath.learningPath.description")).startsWith("Start here");

        Map<String, Object> clear = new java.util.HashMap<>(Map.of("learningPathId", "path-soc"));
        clear.put("description", null);
        var cleared = as(Persona.ROOT, update, Map.of("input", clear)).assertNoErrors();
        assertThat(cleared.<Object>get("data.updateLearningPath.learningPath.description")).isNull();
        assertThat(cleared.<String>get("data.updateLearningPath.learningPath.title")).isEqualTo("SOC Basics");
    }

    @Test
    void trainees_and_integrations_cannot_author_paths() {
        Map<String, Object> input = Map.of("title", "Mine", "courseIds", List.of("course-phishing"));
        assertThat(as(Persona.ACME_TRAINEE, Ops.CREATE_LEARNING_PATH, Map.of("input", input)).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.ACME_HR_INTEGRATION, Ops.CREATE_LEARNING_PATH, Map.of("input", input)).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.ACME_MANAGER, Ops.PUBLISH_LEARNING_PATH, Map.of("input", Map.of("learningPathId", "path-soc")))
                .errorCodes()).containsExactly("FORBIDDEN");
    }

    private void assertRejected(Persona persona, List<String> courseIds) {
        var response = as(persona, Ops.CREATE_LEARNING_PATH, Map.of("input", Map.of("title", "Track", "courseIds", courseIds)));
        assertThat(response.errorCodes()).as(response.body()).containsExactly("BAD_USER_INPUT");
    }

    private List<String> pathIds(Persona persona) {
        return as(persona, Ops.LEARNING_PATHS).assertNoErrors().get("data.learningPaths.edges[*].node.id");
    }
}
