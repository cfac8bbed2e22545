package com.cycube.assessment.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.assessment.questions.QuestionDocument.Option;
import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each kind of question is graded, without Spring. */
class GraderTest {

    private static final FlagHasher FLAGS = new FlagHasher(1_000);
    private final Grader grader = new Grader(FLAGS);

    private static final List<Option> OPTIONS = List.of(new Option("a", "A"), new Option("b", "B"),
            new Option("c", "C"), new Option("d", "D"));

    private static QuestionDocument question(QuestionKind kind, AnswerKey key) {
        return new QuestionDocument("q", null, "cube", kind, "?", kind.isChoice() ? OPTIONS : List.of(), 10, 3, List.of(),
                0, false, key, "author", Instant.EPOCH, Instant.EPOCH);
    }

    private static QuestionDocument choice(QuestionKind kind, String... correct) {
        return question(kind, new AnswerKey(List.of(correct), null, null, null, null, null, null));
    }

    private static QuestionDocument numeric(double answer, double tolerance) {
        return question(QuestionKind.NUMERIC, new AnswerKey(List.of(), null, null, null, null, answer, tolerance));
    }

    private static QuestionDocument flag(String flag, boolean caseInsensitive) {
        return question(QuestionKind.FLAG, FLAGS.keyFor(flag, caseInsensitive));
    }

    private boolean grade(QuestionDocument question, Answer answer) {
        Grader.checkShape(question, answer);
        return grader.isCorrect(question, answer);
    }

    private static Answer choices(String... ids) {
        return new Answer(List.of(ids), null, null, null);
    }

    private static Answer flagAnswer(String flag) {
        return new Answer(null, flag, null, null);
    }

    private static Answer number(double value) {
        return new Answer(null, null, value, null);
    }

    @Test
    void single_choice_is_correct_only_for_the_right_option() {
        QuestionDocument question = choice(QuestionKind.SINGLE_CHOICE, "b");
        assertThat(grade(question, choices("b"))).isTrue();
        assertThat(grade(question, choices("a"))).isFalse();
    }

    @Test
    void single_choice_takes_exactly_one_option() {
        QuestionDocument question = choice(QuestionKind.SINGLE_CHOICE, "b");
        assertBadInput(() -> Grader.checkShape(question, choices("a", "b")));
        assertBadInput(() -> Grader.checkShape(question, choices()));
    }

    @Test
    void multiple_choice_needs_exactly_the_right_set_no_more_no_fewer() {
        QuestionDocument question = choice(QuestionKind.MULTIPLE_CHOICE, "a", "c");
        assertThat(grade(question, choices("c", "a"))).isTrue();
        assertThat(grade(question, choices("a"))).as("a subset").isFalse();
        assertThat(grade(question, choices("a", "c", "d"))).as("a superset").isFalse();
        assertThat(grade(question, choices("b", "d"))).isFalse();
    }

    @Test
    void choices_must_be_options_of_the_question_each_once() {
        QuestionDocument question = choice(QuestionKind.MULTIPLE_CHOICE, "a");
        assertBadInput(() -> Grader.checkShape(question, choices("zz")));
        assertBadInput(() -> Grader.checkShape(question, choices("a", "a")));
    }

    @Test
    void numeric_answers_within_the_tolerance_are_correct_bounds_included() {
        QuestionDocument question = numeric(3.14, 0.01);
        assertThat(grade(question, number(3.14))).isTrue();
        assertThat(grade(question, number(3.15))).as("upper bound (wrong in binary floating point)").isTrue();
        assertThat(grade(question, number(3.13))).as("lower bound").isTrue();
        assertThat(grade(question, number(3.1501))).as("just above").isFalse();
        assertThat(grade(question, number(3.1299))).as("just below").isFalse();
    }

    @Test
    void numeric_answers_without_tolerance_must_be_exact() {
        QuestionDocument question = numeric(22, 0);
        assertThat(grade(question, number(22))).isTrue();
        assertThat(grade(question, number(22.0000001))).isFalse();
        assertThat(grade(question, number(-22))).isFalse();
    }

    @Test
    void a_flag_is_exact_by_default_ignoring_surrounding_spaces() {
        QuestionDocument question = flag("CTF{Exact-Case}", false);
        assertThat(grade(question, flagAnswer("CTF{Exact-Case}"))).isTrue();
        assertThat(grade(question, flagAnswer("  CTF{Exact-Case}\n"))).isTrue();
        assertThat(grade(question, flagAnswer("ctf{exact-case}"))).isFalse();
        assertThat(grade(question, flagAnswer("CTF{Exact-Case}x"))).isFalse();
    }

    @Test
    void a_case_insensitive_flag_accepts_any_case() {
        QuestionDocument question = flag("CTF{Mixed-Case}", true);
        assertThat(grade(question, flagAnswer("ctf{mixed-case}"))).isTrue();
        assertThat(grade(question, flagAnswer(" CTF{MIXED-CASE} "))).isTrue();
        assertThat(grade(question, flagAnswer("CTF{Mixed-Case2}"))).isFalse();
    }

    @Test
    void flags_are_stored_as_salted_hashes_never_in_clear() {
        AnswerKey first = FLAGS.keyFor("CTF{secret}", false);
        AnswerKey second = FLAGS.keyFor("CTF{secret}", false);
        assertThat(first.flagHash()).doesNotContain("secret").isNotEqualTo(second.flagHash());
        assertThat(first.flagSalt()).isNotEqualTo(second.flagSalt());
        assertThat(first.toString()).doesNotContain(first.flagHash()).contains("redacted");
    }

    @Test
    void an_answer_must_use_the_field_of_the_question_kind() {
        assertBadInput(() -> Grader.checkShape(numeric(1, 0), flagAnswer("1")));
        assertBadInput(() -> Grader.checkShape(flag("x", false), number(1)));
        assertBadInput(() -> Grader.checkShape(flag("x", false), flagAnswer("   ")));
        assertBadInput(() -> Grader.checkShape(choice(QuestionKind.SINGLE_CHOICE, "a"), new Answer(List.of("a"), "x", null, null)));
    }

    @Test
    void error_messages_never_echo_the_answer() {
        QuestionDocument question = choice(QuestionKind.SINGLE_CHOICE, "b");
        assertThatThrownBy(() -> Grader.checkShape(question, choices("my-guess")))
                .hasMessageNotContaining("my-guess").hasMessageNotContaining("\"b\"");
    }

    private static void assertBadInput(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT));
    }
}
