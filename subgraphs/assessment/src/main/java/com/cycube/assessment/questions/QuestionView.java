package com.cycube.assessment.questions;

import com.cycube.assessment.questions.QuestionDocument.HintDefinition;
import com.cycube.assessment.questions.QuestionDocument.Option;
import java.util.List;

/**
 * A question as the schema sees it: everything but the answer key, which is not even a field here (so no
 * resolver, present or future, can hand it out by accident). {@code hintDefinitions} is resolved per caller by
 * {@code Question.hints}.
 */
public record QuestionView(String id, String cubeId, String organizationId, QuestionKind kind, String prompt,
                           List<Option> options, int points, int maxAttempts, int position,
                           List<HintDefinition> hintDefinitions) {

    public static QuestionView of(QuestionDocument question) {
        return question == null ? null : new QuestionView(question.id(), question.cubeId(), question.organizationId(),
                question.kind(), question.prompt(), question.options(), question.points(), question.maxAttempts(),
                question.position(), question.hints());
    }
}
