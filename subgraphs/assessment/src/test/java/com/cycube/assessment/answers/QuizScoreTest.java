package com.cycube.assessment.answers;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.assessment.questions.AnswerKey;
import com.cycube.assessment.questions.QuestionDocument;
import com.cycube.assessment.questions.QuestionKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a quiz is passed, and when it can no longer be. */
class QuizScoreTest {

    private static QuestionDocument question(String id, QuestionKind kind, int points) {
        return new QuestionDocument(id, null, "cube", kind, "?", List.of(), points, 3, List.of(), 0, false,
                AnswerKey.NONE, "a", Instant.EPOCH, Instant.EPOCH);
    }

    private static QuizResultDocument result(Map<String, Integer> points) {
        Map<String, QuizResultDocument.QuestionState> states = new java.util.HashMap<>();
        points.forEach((id, p) -> states.put(id, new QuizResultDocument.QuestionState(1, p > 0, p, List.of(), 0, List.of())));
        return new QuizResultDocument("r", "org", "u", "cube", 1, states, false, null, null, null, Instant.EPOCH, Instant.EPOCH);
    }

    private final List<QuestionDocument> questions = List.of(question("q1", QuestionKind.SINGLE_CHOICE, 10),
            question("q2", QuestionKind.NUMERIC, 20), question("q3", QuestionKind.FLAG, 10),
            question("free", QuestionKind.FREE_TEXT, 50));

    @Test
    void max_points_are_those_of_the_auto_graded_questions() {
        QuizScore score = QuizScore.of("cube", questions, null, 70);
        assertThat(score.maxPoints()).isEqualTo(40);
        assertThat(score.points()).isZero();
        assertThat(score.reachesPassMark()).isFalse();
    }

    @Test
    void the_pass_mark_is_a_percentage_of_max_points_reached_inclusively() {
        assertThat(QuizScore.of("cube", questions, result(Map.of("q2", 20, "q1", 8)), 70).reachesPassMark()).isTrue();
        assertThat(QuizScore.of("cube", questions, result(Map.of("q2", 20, "q1", 7)), 70).reachesPassMark())
                .as("27 of 40 is 67.5 %").isFalse();
        assertThat(QuizScore.of("cube", questions, result(Map.of("q2", 20, "q1", 8)), 70).score()).isEqualTo(70);
        assertThat(QuizScore.of("cube", questions, result(Map.of("q2", 20)), 50).reachesPassMark()).isTrue();
    }

    @Test
    void a_cube_without_auto_graded_questions_cannot_be_passed() {
        QuizScore score = QuizScore.of("cube", List.of(question("free", QuestionKind.FREE_TEXT, 10)), result(Map.of()), 1);
        assertThat(score.reachesPassMark()).isFalse();
        assertThat(score.score()).isZero();
    }

    private static QuizResultDocument answered(Map<String, QuizResultDocument.QuestionState> states) {
        return new QuizResultDocument("r", "org", "u", "cube", 1, states, false, null, null, null, Instant.EPOCH, Instant.EPOCH);
    }

    private static QuizResultDocument.QuestionState state(int attempts, boolean solved) {
        return new QuizResultDocument.QuestionState(attempts, solved, solved ? 10 : 0, List.of(), 0, List.of());
    }

    @Test
    void nothing_is_left_to_answer_when_each_auto_graded_question_is_solved_or_out_of_attempts() {
        // q1, q2, q3 allow 3 attempts; the FREE_TEXT question never counts
        assertThat(QuizScore.nothingLeftToAnswer(questions, answered(Map.of("q1", state(1, true), "q2", state(3, false),
                "q3", state(3, false))))).isTrue();
        assertThat(QuizScore.nothingLeftToAnswer(questions, answered(Map.of("q1", state(1, true), "q2", state(2, false),
                "q3", state(3, false))))).as("q2 has an attempt left").isFalse();
        assertThat(QuizScore.nothingLeftToAnswer(questions, answered(Map.of("q1", state(1, true), "q2", state(3, false)))))
                .as("q3 never answered").isFalse();
    }

    @Test
    void an_answer_recorded_in_memory_counts_its_attempt_and_points() {
        QuizResultDocument.Attempt attempt = new QuizResultDocument.Attempt(2, true, 8, Instant.EPOCH);
        QuizResultDocument after = answered(Map.of("q1", state(1, false))).withAnswer("q1", attempt);
        assertThat(after.state("q1")).extracting(QuizResultDocument.QuestionState::attempts, QuizResultDocument.QuestionState::solved,
                QuizResultDocument.QuestionState::points).containsExactly(2, true, 8);
        assertThat(after.state("q1").history()).containsExactly(attempt);
        assertThat(QuizScore.of("cube", questions, after, 70).points()).isEqualTo(8);
    }
}
