package com.cycube.assessment.questions;

import java.util.List;

/**
 * What an author sends for a question (createQuestion, or the merged result of updateQuestion), before
 * validation. Key material included, so no {@code toString} that prints it.
 */
public record QuestionDraft(QuestionKind kind, String prompt, List<OptionDraft> options, String flag,
                            Boolean flagCaseInsensitive, Double numericAnswer, Double tolerance, Integer points,
                            Integer maxAttempts, List<HintDraft> hints, Integer position) {

    public record OptionDraft(String text, boolean correct) {
        @Override
        public String toString() {
            return "OptionDraft[redacted]";
        }
    }

    public record HintDraft(String text, int penalty) {
    }

    @Override
    public String toString() {
        return "QuestionDraft[" + kind + ", redacted]";
    }
}
