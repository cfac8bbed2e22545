package com.cycube.assessment.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.assessment.questions.QuestionDraft.HintDraft;
import com.cycube.assessment.questions.QuestionDraft.OptionDraft;
import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a well-formed question is. */
class QuestionRulesTest {

    private static final List<OptionDraft> ONE_RIGHT = List.of(new OptionDraft("yes", true), new OptionDraft("no", false));

    private static QuestionDraft draft(QuestionKind kind, List<OptionDraft> options, String flag, Double numeric) {
        return new QuestionDraft(kind, "Prompt", options, flag, null, numeric, null, null, null, null, null);
    }

    @Test
    void defaults_are_ten_points_and_three_attempts() {
        QuestionRules.Checked checked = QuestionRules.check(draft(QuestionKind.SINGLE_CHOICE, ONE_RIGHT, null, null));
        assertThat(checked.points()).isEqualTo(10);
        assertThat(checked.maxAttempts()).isEqualTo(3);
        assertThat(checked.options()).hasSize(2);
        assertThat(checked.correctOptionIds()).containsExactly(checked.options().get(0).id());
    }

    @Test
    void single_choice_needs_exactly_one_correct_option() {
        List<OptionDraft> two = List.of(new OptionDraft("a", true), new OptionDraft("b", true));
        assertBadInput(draft(QuestionKind.SINGLE_CHOICE, two, null, null));
        assertBadInput(draft(QuestionKind.SINGLE_CHOICE, List.of(new OptionDraft("a", false), new OptionDraft("b", false)), null, null));
        assertThat(QuestionRules.check(draft(QuestionKind.MULTIPLE_CHOICE, two, null, null)).correctOptionIds()).hasSize(2);
    }

    @Test
    void choice_questions_need_two_to_ten_options() {
        assertBadInput(draft(QuestionKind.MULTIPLE_CHOICE, List.of(new OptionDraft("a", true)), null, null));
        assertBadInput(draft(QuestionKind.MULTIPLE_CHOICE, null, null, null));
    }

    @Test
    void each_kind_takes_only_its_own_key_fields() {
        assertBadInput(draft(QuestionKind.FLAG, ONE_RIGHT, "flag", null));
        assertBadInput(draft(QuestionKind.NUMERIC, null, "flag", 1.0));
        assertBadInput(draft(QuestionKind.SINGLE_CHOICE, ONE_RIGHT, null, 1.0));
        assertBadInput(draft(QuestionKind.FREE_TEXT, null, "flag", null));
        assertBadInput(draft(QuestionKind.FLAG, null, " ", null));
        assertBadInput(draft(QuestionKind.NUMERIC, null, null, null));
    }

    @Test
    void hint_penalties_cannot_exceed_the_points() {
        QuestionDraft tooExpensive = new QuestionDraft(QuestionKind.FREE_TEXT, "Prompt", null, null, null, null, null, 5,
                null, List.of(new HintDraft("hint", 6)), null);
        assertBadInput(tooExpensive);
    }

    @Test
    void limits_on_points_and_attempts() {
        assertBadInput(new QuestionDraft(QuestionKind.FREE_TEXT, "P", null, null, null, null, null, 0, null, null, null));
        assertBadInput(new QuestionDraft(QuestionKind.FREE_TEXT, "P", null, null, null, null, null, null, 21, null, null));
        assertBadInput(new QuestionDraft(QuestionKind.FREE_TEXT, " ", null, null, null, null, null, null, null, null, null));
    }

    @Test
    void errors_name_the_rule_not_the_flag() {
        String flag = "x".repeat(QuestionRules.MAX_FLAG + 1);
        assertThatThrownBy(() -> QuestionRules.check(draft(QuestionKind.FLAG, null, flag, null)))
                .hasMessageNotContaining(flag);
    }

    private static void assertBadInput(QuestionDraft draft) {
        assertThatThrownBy(() -> QuestionRules.check(draft)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT));
    }
}
