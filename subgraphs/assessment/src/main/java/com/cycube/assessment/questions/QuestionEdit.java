package com.cycube.assessment.questions;

import com.cycube.assessment.questions.QuestionDocument.HintDefinition;
import com.cycube.assessment.questions.QuestionDocument.Option;
import java.time.Instant;
import java.util.List;

/**
 * A checked change of a question, as {@link QuestionStore#edit} writes it. Key material included, so no
 * {@code toString} that prints it.
 *
 * @param options the new options, or null to keep the stored ones (and their ids)
 * @param key     the new answer key, or null to keep the stored one
 */
public record QuestionEdit(String prompt, int points, int maxAttempts, int position, List<HintDefinition> hints,
                           List<Option> options, AnswerKey key, Instant at) {

    @Override
    public String toString() {
        return "QuestionEdit[redacted]";
    }
}
