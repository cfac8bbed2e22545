package com.cycube.assessment.answers;

import java.time.Instant;

/** A submission as the schema sees it, auto-graded (from a quiz result) or FREE_TEXT. */
public record SubmissionView(String id, String questionId, String cubeId, String userId, int attempt, String status,
                             Boolean correct, int points, Instant submittedAt, Instant gradedAt, String answerText,
                             String feedback) {

    static SubmissionView of(FreeTextSubmissionDocument submission) {
        return new SubmissionView(submission.id(), submission.questionId(), submission.cubeId(), submission.userId(),
                submission.attempt(), submission.status(), submission.correct(), submission.points(),
                submission.submittedAt(), submission.gradedAt(), submission.text(), submission.feedback());
    }

    static SubmissionView graded(QuizResultDocument result, String questionId, QuizResultDocument.Attempt attempt) {
        return new SubmissionView(result.id() + ":" + questionId + ":" + attempt.attempt(), questionId, result.cubeId(),
                result.userId(), attempt.attempt(), FreeTextSubmissionDocument.GRADED, attempt.correct(), attempt.points(),
                attempt.at(), attempt.at(), null, null);
    }
}
