package com.cycube.assessment.questions;

import com.cycube.assessment.questions.QuestionDocument.HintDefinition;

/** A hint as the schema sees it ({@code Hint}): its text only for callers who took it, and for the cube's authors. */
public record HintView(String id, int penalty, String text, boolean taken) {

    public static HintView of(HintDefinition hint, boolean taken, boolean author) {
        return new HintView(hint.id(), hint.penalty(), taken || author ? hint.text() : null, taken);
    }
}
