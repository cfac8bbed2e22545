package com.cycube.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/** Who may do what: each mutation per role, and what anonymous and integration callers get. */
class AuthorizationTest extends AssessmentIntegrationTest {

    private static final Persona ACME_HR = Persona.ACME_HR_INTEGRATION;
    private static final Persona ACME_WRITER = Persona.integration("acme-lms", Persona.ACME,
            List.of("catalog:read", "catalog:write", "training:write"));

    private List<String> createCodes(Persona persona, String cubeId) {
        return as(persona, Ops.CREATE, Map.of("input", singleChoice(cubeId, 5))).errorCodes();
    }

    @Test
    void global_cube_questions_are_authored_by_root_only() {
        assertThat(createCodes(Persona.ROOT, GLOBAL_QUIZ)).isEmpty();
        assertThat(createCodes(Persona.ACME_MANAGER, GLOBAL_QUIZ)).containsExactly("FORBIDDEN");
        assertThat(createCodes(Persona.ACME_TRAINEE, GLOBAL_QUIZ)).containsExactly("FORBIDDEN");
        assertThat(createCodes(ACME_WRITER, GLOBAL_QUIZ)).containsExactly("FORBIDDEN");
        assertThat(anonymous(Ops.CREATE, Map.of("input", singleChoice(GLOBAL_QUIZ, 5))).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(mongo.count(new Query(), "questions")).isOne();
    }

    @Test
    void organization_cube_questions_are_authored_by_its_managers_and_root() {
        assertThat(createCodes(Persona.ACME_MANAGER, ACME_QUIZ)).isEmpty();
        assertThat(createCodes(Persona.ROOT, ACME_QUIZ)).isEmpty();
        assertThat(createCodes(Persona.ACME_TRAINEE, ACME_QUIZ)).containsExactly("FORBIDDEN");
        assertThat(createCodes(ACME_HR, ACME_QUIZ)).containsExactly("FORBIDDEN");
        assertThat(createCodes(Persona.GLOBEX_MANAGER, ACME_QUIZ)).as("another organization's cube is not found")
                .containsExactly("NOT_FOUND");
        assertThat(mongo.count(new Query(), "questions")).isEqualTo(2);
    }

    @Test
    void update_archive_and_pass_mark_follow_the_same_rules() {
        String id = createQuestion(Persona.ACME_MANAGER, singleChoice(ACME_QUIZ, 5));
        Map<String, Object> update = Map.of("input", Map.of("questionId", id, "prompt", "Changed"));
        Map<String, Object> archive = Map.of("input", Map.of("questionId", id));
        Map<String, Object> passMark = Map.of("input", Map.of("cubeId", ACME_QUIZ, "passMark", 80));
        for (Persona denied : List.of(Persona.ACME_TRAINEE, ACME_WRITER)) {
            assertThat(as(denied, Ops.UPDATE, update).errorCodes()).containsExactly("FORBIDDEN");
            assertThat(as(denied, Ops.ARCHIVE, archive).errorCodes()).containsExactly("FORBIDDEN");
            assertThat(as(denied, Ops.PASS_MARK, passMark).errorCodes()).containsExactly("FORBIDDEN");
        }
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.UPDATE, update).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.ARCHIVE, archive).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.PASS_MARK, passMark).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(anonymous(Ops.UPDATE, update).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(as(Persona.ACME_MANAGER, Ops.PASS_MARK, passMark).errorCodes()).isEmpty();
        assertThat(as(Persona.ROOT, Ops.UPDATE, update).errorCodes()).isEmpty();
        assertThat(as(Persona.ACME_MANAGER, Ops.ARCHIVE, archive).errorCodes()).isEmpty();
        String global = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 5));
        assertThat(as(Persona.ACME_MANAGER, Ops.UPDATE, Map.of("input", Map.of("questionId", global, "prompt", "x"))).errorCodes())
                .containsExactly("FORBIDDEN");
        assertThat(as(Persona.ACME_MANAGER, Ops.PASS_MARK, Map.of("input", Map.of("cubeId", GLOBAL_QUIZ, "passMark", 10))).errorCodes())
                .containsExactly("FORBIDDEN");
    }

    @Test
    void people_with_an_organization_answer_and_take_hints_integrations_and_root_do_not() {
        Map<String, Object> input = singleChoice(GLOBAL_QUIZ, 5);
        input.put("hints", List.of(Map.of("text", "hint", "penalty", 1)));
        String id = createQuestion(Persona.ROOT, input);
        String option = optionIds(Persona.ACME_TRAINEE, id).get(0);
        String hint = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).get("data.question.hints[0].id");
        Map<String, Object> takeHint = Map.of("input", Map.of("questionId", id, "hintId", hint));
        for (Persona allowed : List.of(Persona.ACME_TRAINEE, Persona.ACME_MANAGER, Persona.GLOBEX_TRAINEE)) {
            assertThat(submit(allowed, id, "choices", List.of(option)).errorCodes()).isEmpty();
            assertThat(as(allowed, Ops.TAKE_HINT, takeHint).errorCodes()).isEmpty();
        }
        assertThat(submit(ACME_HR, id, "choices", List.of(option)).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(ACME_HR, Ops.TAKE_HINT, takeHint).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(submit(Persona.ROOT, id, "choices", List.of(option)).errorCodes()).as("root has no organization").containsExactly("FORBIDDEN");
        assertThat(GraphQlClient.forPort(port).anonymous().execute(Ops.SUBMIT,
                Map.of("input", Map.of("questionId", id, "choices", List.of(option)))).errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void free_text_answers_are_graded_by_managers_of_the_trainee_organization_and_root() {
        String id = createQuestion(Persona.ROOT, Map.of("cubeId", GLOBAL_QUIZ, "kind", "FREE_TEXT", "prompt", "Explain", "maxAttempts", 3));
        String submission = submit(Persona.ACME_TRAINEE, id, "text", "Because").assertNoErrors().get("data.submitAnswer.submission.id");
        Map<String, Object> grade = Map.of("input", Map.of("submissionId", submission, "correct", false));
        assertThat(as(Persona.ACME_TRAINEE, Ops.GRADE, grade).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(ACME_HR, Ops.GRADE, grade).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.GLOBEX_MANAGER, Ops.GRADE, grade).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(anonymous(Ops.GRADE, grade).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(as(Persona.ACME_MANAGER, Ops.GRADE, grade).errorCodes()).isEmpty();
        String next = submit(Persona.ACME_TRAINEE, id, "text", "Because of memory").assertNoErrors().get("data.submitAnswer.submission.id");
        assertThat(as(Persona.ROOT, Ops.GRADE, Map.of("input", Map.of("submissionId", next, "correct", true))).errorCodes()).isEmpty();
        assertThat(as(Persona.ACME_TRAINEE, Ops.TO_GRADE, Map.of()).errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void reading_questions_needs_a_person_or_the_catalog_read_scope() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 5));
        assertThat((String) as(ACME_HR, Ops.QUESTION, Map.of("id", id)).assertNoErrors().get("data.question.id")).isEqualTo(id);
        assertThat((Object) as(ACME_HR, Ops.QUESTION, Map.of("id", id)).get("data.question.myProgress")).isNull();
        Persona noScope = Persona.integration("acme-bi", Persona.ACME, List.of("analytics:read"));
        assertThat((Object) as(noScope, Ops.QUESTION, Map.of("id", id)).assertNoErrors().get("data.question")).isNull();
        assertThat((Object) anonymous(Ops.QUESTION, Map.of("id", id)).get("data.question")).isNull();
    }

    @Test
    void invalid_tokens_are_unauthenticated() {
        GraphQlClient.Response forged = GraphQlClient.forPort(port).withToken(com.cycube.testclient.TestTokens.forgedTokenFor(Persona.ROOT))
                .execute(Ops.CREATE, Map.of("input", singleChoice(GLOBAL_QUIZ, 5)));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(mongo.count(new Query(), "questions")).isZero();
    }
}
