package com.cycube.assessment.answers;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.assessment.AssessmentIntegrationTest;
import com.cycube.assessment.Ops;
import com.cycube.support.contracts.assessment.QuizFailed;
import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
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

/**
 * {@code assessment.QuizFailed}: announced by the answer after which a quiz can no longer be passed — every question
 * solved or out of attempts, the points under the pass mark — in the same write as that answer; once per trainee and
 * cube, never for a passed quiz, never while some question can still win points.
 */
class QuizFailedTest extends AssessmentIntegrationTest {

    private static final String WRONG = "wrong";
    private static final String RIGHT = "right";

    private void passMark(int percent) {
        as(Persona.ROOT, Ops.PASS_MARK, Map.of("input", Map.of("cubeId", GLOBAL_QUIZ, "passMark", percent))).assertNoErrors();
    }

    private String question(int points, int maxAttempts) {
        Map<String, Object> input = singleChoice(GLOBAL_QUIZ, points);
        input.put("maxAttempts", maxAttempts);
        return createQuestion(Persona.ROOT, input);
    }

    private GraphQlClient.Response answer(String questionId, String rightOrWrong) {
        List<String> options = optionIds(Persona.ACME_TRAINEE, questionId);
        return submit(Persona.ACME_TRAINEE, questionId, "choices", List.of(options.get(RIGHT.equals(rightOrWrong) ? 1 : 0)));
    }

    @Test
    void using_up_the_last_attempt_under_the_pass_mark_fails_the_quiz_once() {
        passMark(70);
        String first = question(10, 2);
        String second = question(10, 2);
        answer(first, RIGHT).assertNoErrors();
        answer(second, WRONG).assertNoErrors();
        assertThat(produced(QuizFailed.class)).as("an attempt is left").isEmpty();

        answer(second, WRONG).assertNoErrors();
        assertThat(answer(second, RIGHT).errorCodes()).as("no attempt left").containsExactly("CONFLICT");

        List<DomainEvent> failed = produced(QuizFailed.class);
        assertThat(failed).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(Persona.ACME);
            assertThat(event.source()).isEqualTo("assessment");
            assertThat(event.payloadAs(QuizFailed.class)).isEqualTo(new QuizFailed(Persona.ACME_TRAINEE.subject(), GLOBAL_QUIZ, 50, 10, 20));
        });
        assertThat(produced(QuizPassed.class)).isEmpty();
        Document result = mongo.findOne(new Query(), Document.class, "quiz_results");
        assertThat(result.get("failedAt")).as("stored by the same write").isNotNull();
        assertThat(result.getList("_outbox", Object.class, List.of())).as("relayed").isEmpty();
    }

    @Test
    void a_quiz_is_not_failed_while_a_question_can_still_win_points_and_is_passed_by_it() {
        passMark(70);
        String small = question(10, 2);
        String large = question(30, 2);
        answer(small, WRONG).assertNoErrors();
        answer(small, WRONG).assertNoErrors();
        assertThat(produced(QuizFailed.class)).as("the large question is still open").isEmpty();

        answer(large, RIGHT).assertNoErrors();

        assertThat(produced(QuizPassed.class)).singleElement()
                .satisfies(event -> assertThat(event.payloadAs(QuizPassed.class).score()).isEqualTo(75));
        assertThat(produced(QuizFailed.class)).isEmpty();
    }

    @Test
    void a_passed_quiz_is_never_failed_even_when_its_other_questions_run_out_of_attempts() {
        passMark(50);
        String first = question(10, 1);
        String second = question(10, 1);
        answer(first, RIGHT).assertNoErrors();
        answer(second, WRONG).assertNoErrors();

        assertThat(produced(QuizPassed.class)).hasSize(1);
        assertThat(produced(QuizFailed.class)).isEmpty();
    }

    @Test
    void every_question_solved_but_hint_penalties_keeping_the_points_under_the_pass_mark_fails_the_quiz() {
        passMark(70);
        Map<String, Object> input = singleChoice(GLOBAL_QUIZ, 10);
        input.put("hints", List.of(Map.of("text", "Report it", "penalty", 8)));
        String id = createQuestion(Persona.ROOT, input);
        String hint = as(Persona.ACME_TRAINEE, Ops.QUESTION, Map.of("id", id)).get("data.question.hints[0].id");
        as(Persona.ACME_TRAINEE, Ops.TAKE_HINT, Map.of("input", Map.of("questionId", id, "hintId", hint))).assertNoErrors();

        answer(id, RIGHT).assertNoErrors();

        assertThat(produced(QuizFailed.class)).singleElement().satisfies(event -> assertThat(event.payloadAs(QuizFailed.class))
                .isEqualTo(new QuizFailed(Persona.ACME_TRAINEE.subject(), GLOBAL_QUIZ, 20, 2, 10)));
    }

    @Test
    void refused_answers_fail_nothing() {
        passMark(70);
        String id = question(10, 1);
        assertThat(submit(Persona.ACME_TRAINEE, id, "flag", "x").errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(submit(Persona.ACME_TRAINEE, id, "choices", List.of("not-an-option")).errorCodes()).containsExactly("BAD_USER_INPUT");

        assertThat(produced(QuizFailed.class)).isEmpty();
        assertThat(mongo.count(new Query(), "quiz_results")).isZero();
    }

    @Test
    void the_last_answers_arriving_together_fail_the_quiz_exactly_once() throws Exception {
        passMark(70);
        List<String> questions = List.of(question(10, 1), question(10, 1), question(10, 1), question(10, 1));
        List<List<String>> options = questions.stream().map(id -> optionIds(Persona.ACME_TRAINEE, id)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(questions.size() * 2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<GraphQlClient.Response>> answers = java.util.stream.IntStream.range(0, questions.size() * 2)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        int q = i % questions.size();
                        return submit(Persona.ACME_TRAINEE, questions.get(q), "choices", List.of(options.get(q).get(0)));
                    })).toList();
            start.countDown();
            int accepted = 0;
            for (Future<GraphQlClient.Response> answer : answers) {
                GraphQlClient.Response response = answer.get(10, TimeUnit.SECONDS);
                if (response.hasErrors()) {
                    assertThat(response.errorCodes()).containsExactly("CONFLICT");
                } else {
                    accepted++;
                }
            }
            assertThat(accepted).as("one attempt per question").isEqualTo(questions.size());
        } finally {
            pool.shutdownNow();
        }

        assertThat(produced(QuizFailed.class)).singleElement().satisfies(event -> assertThat(event.payloadAs(QuizFailed.class))
                .isEqualTo(new QuizFailed(Persona.ACME_TRAINEE.subject(), GLOBAL_QUIZ, 0, 0, 40)));
    }
}
