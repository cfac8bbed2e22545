package com.cycube.analytics.answers;

import com.cycube.analytics.readmodel.Merge;
import java.time.Instant;

/**
 * One learner's answers to one question: how many attempts they used (the highest attempt number graded), whether
 * any was correct, the most hints they had revealed, when they first answered.
 */
public record AnswerState(String organizationId, String userId, String cubeId, String questionId, int attempts,
                          boolean correct, int hints, Instant firstAnsweredAt) {

    static AnswerState empty(String organizationId, String userId, String cubeId, String questionId) {
        return new AnswerState(organizationId, userId, cubeId, questionId, 0, false, 0, null);
    }

    public AnswerState answered(int attempt, boolean wasCorrect, Integer hintsTaken, Instant at) {
        return new AnswerState(organizationId, userId, cubeId, questionId, Math.max(attempts, attempt),
                correct || wasCorrect, Math.max(hints, hintsTaken == null ? 0 : hintsTaken),
                Merge.earliest(firstAnsweredAt, at));
    }
}
