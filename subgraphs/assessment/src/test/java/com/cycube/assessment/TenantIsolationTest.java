package com.cycube.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Globex can never read or change Acme's questions, answers, results or certificates — also through _entities. */
class TenantIsolationTest extends AssessmentIntegrationTest {

    private GraphQlClient.Response entities(Persona persona, List<Map<String, Object>> representations) {
        return as(persona, Ops.ENTITIES, Map.of("r", representations));
    }

    @Test
    void globex_cannot_see_acme_questions_by_id_or_through_the_cube_entity() {
        String id = createQuestion(Persona.ACME_MANAGER, singleChoice(ACME_QUIZ, 5));
        assertThat((Object) as(Persona.GLOBEX_TRAINEE, Ops.QUESTION, Map.of("id", id)).assertNoErrors().get("data.question")).isNull();
        GraphQlClient.Response viaEntities = entities(Persona.GLOBEX_MANAGER, List.of(
                Map.of("__typename", "Cube", "id", ACME_QUIZ),
                Map.of("__typename", "Cube", "id", "cube-that-does-not-exist"),
                Map.of("__typename", "Question", "id", id))).assertNoErrors();
        assertThat(viaEntities.body()).doesNotContain("Pick the safe action");
        assertThat((List<Object>) viaEntities.get("data._entities[0].questions")).isEmpty();
        assertThat((Object) viaEntities.get("data._entities[0].passMark")).isNull();
        assertThat((Object) viaEntities.get("data._entities[2]")).isNull();
        // another organization's cube answers exactly like a cube that does not exist
        assertThat((Object) viaEntities.get("data._entities[0].questions")).isEqualTo(viaEntities.get("data._entities[1].questions"));
        assertThat((Object) viaEntities.get("data._entities[0].passMark")).isEqualTo(viaEntities.get("data._entities[1].passMark"));
        assertThat((List<Object>) entities(Persona.ACME_TRAINEE, List.of(Map.of("__typename", "Cube", "id", ACME_QUIZ)))
                .assertNoErrors().get("data._entities[0].questions")).hasSize(1);
    }

    @Test
    void globex_cannot_answer_or_take_hints_of_acme_questions() {
        Map<String, Object> input = singleChoice(ACME_QUIZ, 5);
        input.put("hints", List.of(Map.of("text", "secret hint", "penalty", 1)));
        String id = createQuestion(Persona.ACME_MANAGER, input);
        String option = optionIds(Persona.ACME_TRAINEE, id).get(1);
        String hint = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).get("data.question.hints[0].id");
        assertThat(submit(Persona.GLOBEX_TRAINEE, id, "choices", List.of(option)).errorCodes()).containsExactly("NOT_FOUND");
        GraphQlClient.Response hintTaken = as(Persona.GLOBEX_TRAINEE, Ops.TAKE_HINT, Map.of("input", Map.of("questionId", id, "hintId", hint)));
        assertThat(hintTaken.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(hintTaken.body()).doesNotContain("secret hint");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "quiz_results")).isZero();
    }

    @Test
    void quiz_results_are_the_caller_own() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 5));
        submit(Persona.ACME_TRAINEE, id, "choices", List.of(optionIds(Persona.ACME_TRAINEE, id).get(1))).assertNoErrors();
        List<Map<String, Object>> cube = List.of(Map.of("__typename", "Cube", "id", GLOBAL_QUIZ));
        assertThat((Boolean) entities(Persona.ACME_TRAINEE, cube).get("data._entities[0].quizResult.passed")).isTrue();
        assertThat((Object) entities(Persona.GLOBEX_TRAINEE, cube).assertNoErrors().get("data._entities[0].quizResult")).isNull();
        assertThat((Object) entities(Persona.ACME_MANAGER, cube).assertNoErrors().get("data._entities[0].quizResult")).isNull();
        assertThat((Integer) as(Persona.GLOBEX_TRAINEE, Ops.QUESTION, Map.of("id", id)).get("data.question.myProgress.attemptsUsed")).isZero();
    }

    @Test
    void globex_cannot_see_or_grade_acme_free_text_answers() {
        String id = createQuestion(Persona.ROOT, Map.of("cubeId", GLOBAL_QUIZ, "kind", "FREE_TEXT", "prompt", "Explain"));
        String submission = submit(Persona.ACME_TRAINEE, id, "text", "Acme internal reasoning").assertNoErrors()
                .get("data.submitAnswer.submission.id");
        GraphQlClient.Response queue = as(Persona.GLOBEX_MANAGER, Ops.TO_GRADE, Map.of()).assertNoErrors();
        assertThat(queue.body()).doesNotContain("Acme internal reasoning");
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.GRADE, Map.of("input", Map.of("submissionId", submission, "correct", true))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(mongo.findById(submission, Document.class, "submissions").getString("status")).isEqualTo("PENDING_REVIEW");
    }
}
