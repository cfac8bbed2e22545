package com.cycube.assessment.answers;

import com.cycube.assessment.questions.HintView;

/** What takeHint answers: the hint with its text, and the caller's progress with the penalty recorded. */
public record TakeHintPayload(HintView hint, QuestionProgress progress) {
}
