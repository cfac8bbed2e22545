package com.cycube.assessment.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.cycube.assessment.AssessmentIntegrationTest;
import com.cycube.assessment.Ops;
import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/** Answering questions: grading of each kind, attempts, hints, events and quiz passes. */
class AnsweringTest extends AssessmentIntegrationTest {

    @Test
    void a_right_choice_is_correct_and_awards_the_points() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        String right = optionIds(Persona.ACME_TRAINEE, id).get(1);
        GraphQlClient.Response response = submit(Persona.ACME_TRAINEE, id, "choices", List.of(right)).assertNoErrors();
        assertThat((Boolean) response.get("data.submitAnswer.correct")).isTrue();
        assertThat((Integer) response.get("data.submitAnswer.points")).isEqualTo(10);
        assertThat((Integer) response.get("data.submitAnswer.attemptsLeft")).isZero();
        assertThat((Integer) response.get("data.submitAnswer.submission.attempt")).isEqualTo(1);
        assertThat((String) response.get("data.submitAnswer.submission.status")).isEqualTo("GRADED");
        assertThat((String) response.get("data.submitAnswer.submission.user.id")).isEqualTo(Persona.ACME_TRAINEE.subject());
    }

    @Test
    void a_wrong_choice_is_wrong_awards_nothing_and_uses_an_attempt() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        String wrong = optionIds(Persona.ACME_TRAINEE, id).get(0);
        GraphQlClient.Response response = submit(Persona.ACME_TRAINEE, id, "choices", List.of(wrong)).assertNoErrors();
        assertThat((Boolean) response.get("data.submitAnswer.correct")).isFalse();
        assertThat((Integer) response.get("data.submitAnswer.points")).isZero();
        assertThat((Integer) response.get("data.submitAnswer.attemptsLeft")).isEqualTo(2);
    }

    @Test
    void multiple_choice_needs_exactly_the_right_set() {
        String id = createQuestion(Persona.ROOT, Map.of("cubeId", GLOBAL_QUIZ, "kind", "MULTIPLE_CHOICE", "prompt", "Tells?",
                "maxAttempts", 5, "options", List.of(Map.of("text", "a", "correct", true), Map.of("text", "b", "correct", true),
                        Map.of("text", "c", "correct", false))));
        List<String> options = optionIds(Persona.ACME_TRAINEE, id);
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(0))).get("data.submitAnswer.correct")).isFalse();
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "choices", options).get("data.submitAnswer.correct")).isFalse();
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(1), options.get(0)))
                .get("data.submitAnswer.correct")).isTrue();
    }

    @Test
    void numeric_answers_are_graded_within_the_tolerance_bounds_included() {
        String id = createQuestion(Persona.ROOT, Map.of("cubeId", GLOBAL_QUIZ, "kind", "NUMERIC", "prompt", "Pi to two places?",
                "numericAnswer", 3.14, "tolerance", 0.01, "maxAttempts", 5));
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "number", 3.1501).get("data.submitAnswer.correct")).isFalse();
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "number", 3.12).get("data.submitAnswer.correct")).isFalse();
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "number", 3.15).get("data.submitAnswer.correct")).isTrue();
        assertThat((Boolean) submit(Persona.GLOBEX_TRAINEE, id, "number", 3.13).get("data.submitAnswer.correct")).isTrue();
    }

    @Test
    void flags_are_exact_unless_the_author_chose_case_insensitive() {
        String exact = createQuestion(Persona.ROOT, flagQuestion(GLOBAL_LAB, "CTF{Case-Matters}", false, 5));
        String relaxed = createQuestion(Persona.ROOT, flagQuestion(GLOBAL_LAB, "CTF{Case-Ignored}", true, 5));
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, exact, "flag", "ctf{case-matters}").get("data.submitAnswer.correct")).isFalse();
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, exact, "flag", " CTF{Case-Matters} ").get("data.submitAnswer.correct")).isTrue();
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, relaxed, "flag", "ctf{CASE-ignored}").get("data.submitAnswer.correct")).isTrue();
    }

    @Test
    void an_answer_in_the_wrong_shape_is_bad_input_and_records_nothing() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        assertThat(submit(Persona.ACME_TRAINEE, id, "flag", "x").errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(submit(Persona.ACME_TRAINEE, id, "choices", List.of("not-an-option")).errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(mongo.count(new Query(), "quiz_results")).isZero();
        assertThat(produced(AnswerSubmitted.class)).isEmpty();
    }

    @Test
    void when_the_attempts_are_used_up_further_answers_are_refused_and_nothing_is_written() {
        Map<String, Object> input = singleChoice(GLOBAL_QUIZ, 10);
        input.put("maxAttempts", 2);
        String id = createQuestion(Persona.ROOT, input);
        List<String> options = optionIds(Persona.ACME_TRAINEE, id);
        submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(0))).assertNoErrors();
        assertThat((Integer) submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(2)))
                .get("data.submitAnswer.attemptsLeft")).isZero();
        Document before = mongo.findOne(new Query(), Document.class, "quiz_results");
        GraphQlClient.Response refused = submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(1)));
        assertThat(refused.errorCodes()).containsExactly("CONFLICT");
        assertThat(refused.body()).contains("No attempts left").doesNotContain(options.get(1));
        assertThat(mongo.findOne(new Query(), Document.class, "quiz_results")).isEqualTo(before);
        assertThat(produced(AnswerSubmitted.class)).hasSize(2);
    }

    @Test
    void a_question_answered_correctly_cannot_be_answered_again() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        String right = optionIds(Persona.ACME_TRAINEE, id).get(1);
        submit(Persona.ACME_TRAINEE, id, "choices", List.of(right)).assertNoErrors();
        assertThat(submit(Persona.ACME_TRAINEE, id, "choices", List.of(right)).errorCodes()).containsExactly("CONFLICT");
    }

    @Test
    void every_graded_answer_emits_answer_submitted_with_the_contract_payload() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        List<String> options = optionIds(Persona.ACME_TRAINEE, id);
        submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(0))).assertNoErrors();
        submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(1))).assertNoErrors();
        List<DomainEvent> submitted = produced(AnswerSubmitted.class);
        assertThat(submitted).hasSize(2).allSatisfy(event -> {
            assertThat(event.orgId()).isEqualTo(Persona.ACME);
            assertThat(event.source()).isEqualTo("assessment");
            assertThat(event.payload().keySet()).containsExactlyInAnyOrder("userId", "cubeId", "questionId", "correct", "points",
                    "attempt", "hintsTaken", "gradedBy");
        });
        assertThat(submitted).extracting(event -> event.payloadAs(AnswerSubmitted.class)).containsExactlyInAnyOrder(
                new AnswerSubmitted(Persona.ACME_TRAINEE.subject(), GLOBAL_QUIZ, id, false, 0, 1, 0),
                new AnswerSubmitted(Persona.ACME_TRAINEE.subject(), GLOBAL_QUIZ, id, true, 10, 2, 0));
        assertThat(mongo.findOne(new Query(), Document.class, "quiz_results").getList("_outbox", Object.class, List.of()))
                .as("relayed, nothing pending").isEmpty();
    }

    @Test
    void a_hint_reveals_its_text_and_its_penalty_is_taken_from_a_later_correct_answer() {
        Map<String, Object> input = singleChoice(GLOBAL_QUIZ, 10);
        input.put("hints", List.of(Map.of("text", "Never click links in urgent mails", "penalty", 4),
                Map.of("text", "Use the button", "penalty", 9)));
        String id = createQuestion(Persona.ROOT, input);
        List<String> hints = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).get("data.question.hints[*].id");
        GraphQlClient.Response taken = as(Persona.ACME_TRAINEE, Ops.TAKE_HINT,
                Map.of("input", Map.of("questionId", id, "hintId", hints.get(0)))).assertNoErrors();
        assertThat((String) taken.get("data.takeHint.hint.text")).isEqualTo("Never click links in urgent mails");
        assertThat((Integer) taken.get("data.takeHint.progress.hintPenalty")).isEqualTo(4);
        as(Persona.ACME_TRAINEE, Ops.TAKE_HINT, Map.of("input", Map.of("questionId", id, "hintId", hints.get(0)))).assertNoErrors();
        GraphQlClient.Response question = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).assertNoErrors();
        assertThat((String) question.get("data.question.hints[0].text")).isEqualTo("Never click links in urgent mails");
        assertThat((Object) question.get("data.question.hints[1].text")).isNull();
        assertThat((Integer) question.get("data.question.myProgress.hintPenalty")).as("charged once").isEqualTo(4);
        assertThat(as(Persona.GLOBEX_TRAINEE, Ops.QUESTION, Map.of("id", id)).body()).as("another trainee did not take it")
                .doesNotContain("Never click links");
        String right = optionIds(Persona.ACME_TRAINEE, id).get(1);
        assertThat((Integer) submit(Persona.ACME_TRAINEE, id, "choices", List.of(right)).get("data.submitAnswer.points")).isEqualTo(6);
    }

    @Test
    void each_answer_reports_how_many_of_the_questions_hints_were_revealed_before_it() {
        Map<String, Object> input = singleChoice(GLOBAL_QUIZ, 10);
        input.put("hints", List.of(Map.of("text", "Look at the sender", "penalty", 1), Map.of("text", "Use the button", "penalty", 1)));
        String id = createQuestion(Persona.ROOT, input);
        Map<String, Object> otherInput = singleChoice(GLOBAL_QUIZ, 10);
        otherInput.put("hints", List.of(Map.of("text", "Another question's hint", "penalty", 1)));
        String other = createQuestion(Persona.ROOT, otherInput);
        List<String> hints = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).get("data.question.hints[*].id");
        String otherHint = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", other)).get("data.question.hints[0].id");
        List<String> options = optionIds(Persona.ACME_TRAINEE, id);

        submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(0))).assertNoErrors();
        takeHint(id, hints.get(0));
        takeHint(id, hints.get(0)); // revealed once
        takeHint(other, otherHint); // another question's
        submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(2))).assertNoErrors();
        takeHint(id, hints.get(1));
        submit(Persona.ACME_TRAINEE, id, "choices", List.of(options.get(1))).assertNoErrors();

        assertThat(produced(AnswerSubmitted.class)).extracting(event -> event.payloadAs(AnswerSubmitted.class))
                .extracting(AnswerSubmitted::attempt, AnswerSubmitted::hintsTaken)
                .containsExactlyInAnyOrder(tuple(1, 0), tuple(2, 1), tuple(3, 2));
    }

    @Test
    void a_graded_free_text_answer_reports_the_hints_revealed_when_it_was_submitted() {
        String id = createQuestion(Persona.ROOT, new HashMap<>(Map.of("cubeId", GLOBAL_QUIZ, "kind", "FREE_TEXT", "prompt", "Why isolate?",
                "points", 10, "hints", List.of(Map.of("text", "memory", "penalty", 1), Map.of("text", "evidence", "penalty", 1)))));
        List<String> hints = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).get("data.question.hints[*].id");
        takeHint(id, hints.get(0));
        submit(Persona.ACME_TRAINEE, id, "text", "Memory holds evidence.").assertNoErrors();
        takeHint(id, hints.get(1)); // after submitting: not part of that answer
        String submission = as(Persona.ACME_MANAGER, Ops.TO_GRADE, Map.of()).assertNoErrors().get("data.submissionsToGrade.edges[0].node.id");

        as(Persona.ACME_MANAGER, Ops.GRADE, Map.of("input", Map.of("submissionId", submission, "correct", false))).assertNoErrors();

        assertThat(produced(AnswerSubmitted.class)).singleElement().satisfies(event -> {
            assertThat(event.payloadAs(AnswerSubmitted.class).hintsTaken()).isEqualTo(1);
            assertThat(event.payloadAs(AnswerSubmitted.class).gradedBy()).as("the grading manager")
                    .isEqualTo(Persona.ACME_MANAGER.subject());
        });
    }

    @Test
    void a_free_text_answer_submitted_before_hints_were_counted_is_graded_without_a_count() {
        String id = createQuestion(Persona.ROOT, new HashMap<>(Map.of("cubeId", GLOBAL_QUIZ, "kind", "FREE_TEXT", "prompt", "Why?")));
        submit(Persona.ACME_TRAINEE, id, "text", "Because.").assertNoErrors();
        mongo.updateFirst(new Query(), new org.springframework.data.mongodb.core.query.Update().unset("hintsTaken"), "submissions");
        String submission = as(Persona.ACME_MANAGER, Ops.TO_GRADE, Map.of()).assertNoErrors().get("data.submissionsToGrade.edges[0].node.id");

        as(Persona.ACME_MANAGER, Ops.GRADE, Map.of("input", Map.of("submissionId", submission, "correct", true))).assertNoErrors();

        assertThat(produced(AnswerSubmitted.class)).singleElement()
                .satisfies(event -> assertThat(event.payloadAs(AnswerSubmitted.class).hintsTaken()).isNull());
    }

    private void takeHint(String questionId, String hintId) {
        as(Persona.ACME_TRAINEE, Ops.TAKE_HINT, Map.of("input", Map.of("questionId", questionId, "hintId", hintId))).assertNoErrors();
    }

    @Test
    void hint_penalties_never_make_points_negative() {
        Map<String, Object> input = singleChoice(GLOBAL_QUIZ, 10);
        input.put("hints", List.of(Map.of("text", "one", "penalty", 7), Map.of("text", "two", "penalty", 8)));
        String id = createQuestion(Persona.ROOT, input);
        List<String> hints = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).get("data.question.hints[*].id");
        hints.forEach(hint -> as(Persona.ACME_TRAINEE, Ops.TAKE_HINT, Map.of("input", Map.of("questionId", id, "hintId", hint))).assertNoErrors());
        GraphQlClient.Response answer = submit(Persona.ACME_TRAINEE, id, "choices", List.of(optionIds(Persona.ACME_TRAINEE, id).get(1)));
        assertThat((Boolean) answer.get("data.submitAnswer.correct")).isTrue();
        assertThat((Integer) answer.get("data.submitAnswer.points")).isZero();
    }

    @Test
    void reaching_the_pass_mark_passes_the_quiz_and_emits_quiz_passed_once() {
        String first = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        String second = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 30));
        GraphQlClient.Response partly = submit(Persona.ACME_TRAINEE, first, "choices", List.of(optionIds(Persona.ACME_TRAINEE, first).get(1)));
        assertThat((Boolean) partly.get("data.submitAnswer.quizResult.passed")).isFalse();
        assertThat((Integer) partly.get("data.submitAnswer.quizResult.score")).isEqualTo(25);
        GraphQlClient.Response passing = submit(Persona.ACME_TRAINEE, second, "choices", List.of(optionIds(Persona.ACME_TRAINEE, second).get(1)));
        assertThat((Boolean) passing.get("data.submitAnswer.quizResult.passed")).isTrue();
        assertThat((Integer) passing.get("data.submitAnswer.quizResult.points")).isEqualTo(40);
        assertThat((Integer) passing.get("data.submitAnswer.quizResult.maxPoints")).isEqualTo(40);
        List<DomainEvent> passed = produced(QuizPassed.class);
        assertThat(passed).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(Persona.ACME);
            assertThat(event.payloadAs(QuizPassed.class))
                    .isEqualTo(new QuizPassed(Persona.ACME_TRAINEE.subject(), GLOBAL_QUIZ, 100, 40, 40));
            assertThat(event.payload().keySet()).containsExactlyInAnyOrder("userId", "cubeId", "score", "points", "maxPoints");
        });
        String query = "query($r:[_Any!]!){ _entities(representations:$r){ ... on Cube { quizResult { passed score passMark } } } }";
        assertThat((Boolean) as(Persona.ACME_TRAINEE, query, Map.of("r", List.of(Map.of("__typename", "Cube", "id", GLOBAL_QUIZ))))
                .assertNoErrors().get("data._entities[0].quizResult.passed")).isTrue();
    }

    @Test
    void the_same_passing_answer_submitted_twice_passes_once() {
        String id = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        String right = optionIds(Persona.ACME_TRAINEE, id).get(1);
        submit(Persona.ACME_TRAINEE, id, "choices", List.of(right)).assertNoErrors();
        assertThat(submit(Persona.ACME_TRAINEE, id, "choices", List.of(right)).errorCodes()).containsExactly("CONFLICT");
        assertThat(produced(QuizPassed.class)).hasSize(1);
    }

    @Test
    void concurrent_passing_answers_pass_the_quiz_exactly_once() throws Exception {
        as(Persona.ROOT, Ops.PASS_MARK, Map.of("input", Map.of("cubeId", GLOBAL_QUIZ, "passMark", 50))).assertNoErrors();
        String first = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        String second = createQuestion(Persona.ROOT, singleChoice(GLOBAL_QUIZ, 10));
        // each question alone reaches the pass mark; each is answered correctly by several requests at once
        Map<String, String> right = Map.of(first, optionIds(Persona.ACME_TRAINEE, first).get(1),
                second, optionIds(Persona.ACME_TRAINEE, second).get(1));
        List<String> questions = List.of(first, second, first, second, first, second, first, second);
        ExecutorService pool = Executors.newFixedThreadPool(questions.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<GraphQlClient.Response>> answers = questions.stream().map(question -> pool.submit(() -> {
                start.await();
                return submit(Persona.ACME_TRAINEE, question, "choices", List.of(right.get(question)));
            })).toList();
            start.countDown();
            int accepted = 0;
            for (var answer : answers) {
                GraphQlClient.Response response = answer.get(5, TimeUnit.SECONDS);
                if (!response.hasErrors()) {
                    accepted++;
                } else {
                    assertThat(response.errorCodes()).containsExactly("CONFLICT");
                }
            }
            assertThat(accepted).as("one correct answer per question").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(produced(QuizPassed.class)).hasSize(1);
        assertThat(produced(AnswerSubmitted.class)).hasSize(2);
        Document result = mongo.findOne(new Query(), Document.class, "quiz_results");
        assertThat(result.getBoolean("passed")).isTrue();
    }

    @Test
    void a_flag_brute_force_is_rate_limited_and_refused_guesses_change_nothing() {
        String id = createQuestion(Persona.ROOT, flagQuestion(GLOBAL_LAB, "CTF{brute-force-me}", false, 20));
        for (int guess = 0; guess < 5; guess++) {
            assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "flag", "CTF{guess-" + guess + "}").assertNoErrors()
                    .get("data.submitAnswer.correct")).isFalse();
        }
        Document before = mongo.findOne(new Query(), Document.class, "quiz_results");
        GraphQlClient.Response limited = submit(Persona.ACME_TRAINEE, id, "flag", "CTF{brute-force-me}");
        assertThat(limited.errorCodes()).containsExactly("RATE_LIMITED");
        assertThat(limited.body()).contains("try again in").doesNotContain("brute-force-me");
        assertThat(mongo.findOne(new Query(), Document.class, "quiz_results")).isEqualTo(before);
        assertThat(produced(AnswerSubmitted.class)).hasSize(5);
        // other users are not affected; the limit is over once the window has passed
        assertThat((Boolean) submit(Persona.GLOBEX_TRAINEE, id, "flag", "CTF{brute-force-me}").get("data.submitAnswer.correct")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, id, "flag", "CTF{brute-force-me}").assertNoErrors()
                .get("data.submitAnswer.correct")).isTrue();
    }

    @Test
    void all_answers_together_are_rate_limited_per_user() {
        Map<String, Object> input = new HashMap<>(Map.of("cubeId", GLOBAL_QUIZ, "kind", "NUMERIC", "prompt", "?",
                "numericAnswer", 1.0, "maxAttempts", 20));
        String id = createQuestion(Persona.ROOT, input);
        for (int i = 0; i < 10; i++) {
            submit(Persona.ACME_TRAINEE, id, "number", 2.0 + i).assertNoErrors();
        }
        assertThat(submit(Persona.ACME_TRAINEE, id, "number", 1.0).errorCodes()).containsExactly("RATE_LIMITED");
    }

    @Test
    void a_free_text_answer_waits_for_a_manager_who_grades_it_once() {
        Map<String, Object> input = new HashMap<>(Map.of("cubeId", GLOBAL_QUIZ, "kind", "FREE_TEXT",
                "prompt", "Why isolate?", "points", 10, "hints", List.of(Map.of("text", "memory", "penalty", 3))));
        String id = createQuestion(Persona.ROOT, input);
        String hint = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).get("data.question.hints[0].id");
        as(Persona.ACME_TRAINEE, Ops.TAKE_HINT, Map.of("input", Map.of("questionId", id, "hintId", hint))).assertNoErrors();
        GraphQlClient.Response submitted = submit(Persona.ACME_TRAINEE, id, "text", "Memory holds evidence.").assertNoErrors();
        assertThat((Object) submitted.get("data.submitAnswer.correct")).isNull();
        assertThat((String) submitted.get("data.submitAnswer.submission.status")).isEqualTo("PENDING_REVIEW");
        assertThat(submit(Persona.ACME_TRAINEE, id, "text", "Again").errorCodes()).as("one pending at a time").containsExactly("CONFLICT");
        assertThat(produced(AnswerSubmitted.class)).as("not graded yet").isEmpty();

        GraphQlClient.Response queue = as(Persona.ACME_MANAGER, Ops.TO_GRADE, Map.of()).assertNoErrors();
        assertThat((Integer) queue.get("data.submissionsToGrade.totalCount")).isEqualTo(1);
        assertThat((Integer) as(Persona.GLOBEX_MANAGER, Ops.TO_GRADE, Map.of()).get("data.submissionsToGrade.totalCount")).isZero();
        String submission = queue.get("data.submissionsToGrade.edges[0].node.id");

        GraphQlClient.Response graded = as(Persona.ACME_MANAGER, Ops.GRADE, Map.of("input",
                Map.of("submissionId", submission, "correct", true, "feedback", "Right."))).assertNoErrors();
        assertThat((Integer) graded.get("data.gradeSubmission.submission.points")).as("10 minus the hint's 3").isEqualTo(7);
        assertThat(as(Persona.ACME_MANAGER, Ops.GRADE, Map.of("input", Map.of("submissionId", submission, "correct", false))).errorCodes())
                .containsExactly("CONFLICT");
        assertThat(produced(AnswerSubmitted.class)).singleElement().satisfies(event -> assertThat(event.payloadAs(AnswerSubmitted.class))
                .isEqualTo(new AnswerSubmitted(Persona.ACME_TRAINEE.subject(), GLOBAL_QUIZ, id, true, 7, 1, 1,
                        Persona.ACME_MANAGER.subject())));
        assertThat((Boolean) as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).get("data.question.myProgress.solved")).isTrue();
    }

    @Test
    void a_manager_cannot_grade_their_own_answer() {
        String id = createQuestion(Persona.ACME_MANAGER, Map.of("cubeId", ACME_QUIZ, "kind", "FREE_TEXT", "prompt", "Explain"));
        String submission = submit(Persona.ACME_MANAGER, id, "text", "My answer").assertNoErrors().get("data.submitAnswer.submission.id");
        assertThat(as(Persona.ACME_MANAGER, Ops.GRADE, Map.of("input", Map.of("submissionId", submission, "correct", true))).errorCodes())
                .containsExactly("FORBIDDEN");
    }
}
