package com.cycube.assessment.questions;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.assessment.AssessmentIntegrationTest;
import com.cycube.assessment.Ops;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/** Authoring questions: each kind, answer keys that never come back, cubes that assessment does not know. */
class QuestionAuthoringTest extends AssessmentIntegrationTest {

    private static final String FLAG = "CTF{Never-Shown-7f3a}";

    @Test
    void root_creates_a_question_of_each_kind_on_a_global_quiz() {
        List<Map<String, Object>> inputs = List.of(
                singleChoice(GLOBAL_QUIZ, 10),
                Map.of("cubeId", GLOBAL_QUIZ, "kind", "MULTIPLE_CHOICE", "prompt", "Pick the tells", "options", List.of(
                        Map.of("text", "Urgency", "correct", true), Map.of("text", "Lookalike domain", "correct", true),
                        Map.of("text", "A known colleague", "correct", false))),
                flagQuestion(GLOBAL_LAB, FLAG, false, 5),
                Map.of("cubeId", GLOBAL_QUIZ, "kind", "NUMERIC", "prompt", "Default SSH port?", "numericAnswer", 22.0,
                        "tolerance", 0.0),
                Map.of("cubeId", GLOBAL_QUIZ, "kind", "FREE_TEXT", "prompt", "Why isolate rather than power off?",
                        "hints", List.of(Map.of("text", "Think of memory", "penalty", 2))));
        for (Map<String, Object> input : inputs) {
            GraphQlClient.Response created = as(Persona.ROOT, Ops.CREATE, Map.of("input", input)).assertNoErrors();
            assertThat((String) created.get("data.createQuestion.question.kind")).isEqualTo(input.get("kind"));
        }
        List<String> prompts = as(Persona.ACME_TRAINEE, "{ _entities(representations: [{__typename: \"Cube\", id: \"" + GLOBAL_QUIZ + "\"}]) { ... on Cube { questions { prompt position } } } }",
                Map.of("id", GLOBAL_QUIZ)).assertNoErrors().get("data._entities[0].questions[*].prompt");
        assertThat(prompts).containsExactly("Pick the safe action", "Pick the tells", "Default SSH port?",
                "Why isolate rather than power off?");
    }

    @Test
    void answer_keys_never_appear_in_any_response() {
        String flagId = createQuestion(Persona.ROOT, flagQuestion(GLOBAL_LAB, FLAG, false, 5));
        String numericId = createQuestion(Persona.ROOT, Map.of("cubeId", GLOBAL_QUIZ, "kind", "NUMERIC",
                "prompt", "How many bits?", "numericAnswer", 4242.5));
        List<String> bodies = new java.util.ArrayList<>();
        for (Persona persona : List.of(Persona.ROOT, Persona.ACME_MANAGER, Persona.ACME_TRAINEE)) {
            bodies.add(as(persona, Ops.QUESTION, Map.of("id", flagId)).assertNoErrors().body());
            bodies.add(as(persona, Ops.QUESTION, Map.of("id", numericId)).assertNoErrors().body());
        }
        bodies.add(as(Persona.ROOT, Ops.UPDATE, Map.of("input", Map.of("questionId", flagId, "flag", FLAG + "2")))
                .assertNoErrors().body());
        bodies.add(submit(Persona.ACME_TRAINEE, flagId, "flag", "wrong").assertNoErrors().body());
        bodies.add(submit(Persona.ACME_TRAINEE, numericId, "number", 1.0).assertNoErrors().body());
        bodies.add(as(Persona.ROOT, "{ _service { sdl } }").assertNoErrors().body());
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(FLAG).doesNotContain("4242.5")
                .doesNotContain("flagHash").doesNotContain("correctOptionIds").doesNotContain("numericAnswer\":"));
    }

    @Test
    void the_correct_option_is_not_distinguishable_in_the_question() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        String body = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).assertNoErrors().body();
        assertThat(body).doesNotContain("\"correct\"");
    }

    @Test
    void flags_are_stored_hashed_with_a_per_question_salt_never_in_clear() {
        String first = createQuestion(Persona.ROOT, flagQuestion(GLOBAL_LAB, FLAG, true, 5));
        String second = createQuestion(Persona.ROOT, flagQuestion(GLOBAL_LAB, FLAG, true, 5));
        List<Document> stored = mongo.find(new Query(), Document.class, "questions");
        assertThat(stored.toString()).doesNotContainIgnoringCase(FLAG).doesNotContainIgnoringCase("Never-Shown");
        Document firstKey = (Document) mongo.findById(first, Document.class, "questions").get("key");
        Document secondKey = (Document) mongo.findById(second, Document.class, "questions").get("key");
        assertThat(firstKey.getString("flagSalt")).isNotEqualTo(secondKey.getString("flagSalt"));
        assertThat(firstKey.getString("flagHash")).isNotEqualTo(secondKey.getString("flagHash"));
        assertThat(firstKey.getInteger("flagIterations")).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void a_manager_authors_questions_of_an_own_organization_cube() {
        String id = createQuestion(Persona.ACME_MANAGER, singleChoice(ACME_QUIZ, 5));
        assertThat((String) as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).assertNoErrors().get("data.question.id"))
                .isEqualTo(id);
    }

    @Test
    void a_cube_assessment_has_not_learnt_about_is_not_found() {
        GraphQlClient.Response response = as(Persona.ROOT, Ops.CREATE, Map.of("input", singleChoice("cube-never-published", 5)));
        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(mongo.count(new Query(), "questions")).isZero();
    }

    @Test
    void reading_cubes_do_not_take_questions() {
        assertThat(as(Persona.ROOT, Ops.CREATE, Map.of("input", singleChoice(GLOBAL_READING, 5))).errorCodes())
                .containsExactly("BAD_USER_INPUT");
    }

    @Test
    void bad_input_is_refused_and_nothing_is_stored() {
        Map<String, Object> twoRight = singleChoice(GLOBAL_QUIZ, 5);
        twoRight.put("options", List.of(Map.of("text", "a", "correct", true), Map.of("text", "b", "correct", true)));
        Map<String, Object> flagOnNumeric = new HashMap<>(Map.of("cubeId", GLOBAL_QUIZ, "kind", "NUMERIC",
                "prompt", "?", "numericAnswer", 1.0, "flag", "CTF{x}"));
        Map<String, Object> noFlag = new HashMap<>(flagQuestion(GLOBAL_LAB, FLAG, false, 5));
        noFlag.remove("flag");
        for (Map<String, Object> input : List.of(twoRight, flagOnNumeric, noFlag)) {
            GraphQlClient.Response response = as(Persona.ROOT, Ops.CREATE, Map.of("input", input));
            assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
            assertThat(response.body()).doesNotContain("CTF{x}");
        }
        assertThat(mongo.count(new Query(), "questions")).isZero();
    }

    @Test
    void update_changes_the_question_and_keeps_what_was_not_sent() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        List<String> options = optionIds(Persona.ROOT, id);
        GraphQlClient.Response updated = as(Persona.ROOT, Ops.UPDATE, Map.of("input", Map.of("questionId", id,
                "prompt", "Pick the safest action", "points", 15))).assertNoErrors();
        assertThat((String) updated.get("data.updateQuestion.question.prompt")).isEqualTo("Pick the safest action");
        assertThat((Integer) updated.get("data.updateQuestion.question.points")).isEqualTo(15);
        assertThat(optionIds(Persona.ROOT, id)).isEqualTo(options);
        // the key was kept: the second option is still the right one
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(1)))
                .assertNoErrors().get("data.submitAnswer.correct")).isTrue();
    }

    @Test
    void a_new_flag_replaces_the_old_one() {
        String id = createQuestion(Persona.ROOT, flagQuestion(GLOBAL_LAB, "CTF{old}", false, 5));
        as(Persona.ROOT, Ops.UPDATE, Map.of("input", Map.of("questionId", id, "flag", "CTF{new}"))).assertNoErrors();
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "flag", "CTF{old}").get("data.submitAnswer.correct")).isFalse();
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "flag", "CTF{new}").get("data.submitAnswer.correct")).isTrue();
        assertThat(as(Persona.ROOT, Ops.UPDATE, Map.of("input", Map.of("questionId", id, "flagCaseInsensitive", true))).errorCodes())
                .as("changing case handling needs the flag").containsExactly("BAD_USER_INPUT");
    }

    @Test
    void archived_questions_leave_their_cube_and_cannot_be_answered() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        List<String> options = optionIds(Persona.ACME_TRAINEE, id);
        as(Persona.ROOT, Ops.ARCHIVE, Map.of("input", Map.of("questionId", id))).assertNoErrors();
        assertThat((Object) as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).assertNoErrors().get("data.question")).isNull();
        assertThat(submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(1))).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(as(Persona.ROOT, Ops.ARCHIVE, Map.of("input", Map.of("questionId", id))).assertNoErrors().body())
                .as("idempotent").contains(id);
    }

    @Test
    void the_pass_mark_defaults_to_seventy_and_its_author_changes_it() {
        String query = "query($r:[_Any!]!){ _entities(representations:$r){ ... on Cube { passMark } } }";
        Map<String, Object> vars = Map.of("r", List.of(Map.of("__typename", "Cube", "id", ACME_QUIZ)));
        assertThat((Integer) as(Persona.ACME_TRAINEE, query, vars).assertNoErrors().get("data._entities[0].passMark")).isEqualTo(70);
        as(Persona.ACME_MANAGER, Ops.PASS_MARK, Map.of("input", Map.of("cubeId", ACME_QUIZ, "passMark", 50))).assertNoErrors();
        assertThat((Integer) as(Persona.ACME_TRAINEE, query, vars).assertNoErrors().get("data._entities[0].passMark")).isEqualTo(50);
        assertThat(as(Persona.ACME_MANAGER, Ops.PASS_MARK, Map.of("input", Map.of("cubeId", ACME_QUIZ, "passMark", 0))).errorCodes())
                .containsExactly("BAD_USER_INPUT");
    }

    @Test
    void hint_texts_are_hidden_until_taken_but_authors_see_them() {
        Map<String, Object> input = singleChoice(GLOBAL_QUIZ, 10);
        input.put("hints", List.of(Map.of("text", "Never click", "penalty", 3)));
        String id = createQuestion(Persona.ROOT, input);
        assertThat((String) as(Persona.ROOT, Ops.QUESTION, Map.of("id", id)).get("data.question.hints[0].text")).isEqualTo("Never click");
        GraphQlClient.Response trainee = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).assertNoErrors();
        assertThat((Object) trainee.get("data.question.hints[0].text")).isNull();
        assertThat(trainee.body()).doesNotContain("Never click");
        assertThat(as(Persona.ACME_MANAGER, Ops.QUESTION, Map.of("id", id)).body())
                .as("a manager does not author GLOBAL cubes").doesNotContain("Never click");
    }

    @Test
    void course_published_again_keeps_the_newest_version_and_the_owner() {
        publishCourse("course-acme", Persona.GLOBEX, "Hijacked", cube(ACME_QUIZ, "READING"));
        Document fact = mongo.findById(ACME_QUIZ, Document.class, "cubes");
        assertThat(fact.getString("organizationId")).isEqualTo(Persona.ACME);
        assertThat(fact.getString("kind")).isEqualTo("QUIZ");
        assertThat(mongo.findById(GLOBAL_QUIZ, Document.class, "cubes").get("organizationId")).isNull();
    }
}
