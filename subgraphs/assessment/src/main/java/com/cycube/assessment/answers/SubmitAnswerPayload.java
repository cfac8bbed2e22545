package com.cycube.assessment.answers;

/**
 * What submitAnswer answers: never the right answer. {@code correct} is null and {@code quizResult} absent while a
 * FREE_TEXT answer awaits review.
 */
public record SubmitAnswerPayload(Boolean correct, int points, int attemptsLeft, SubmissionView submission,
                                  QuizScore quizResult) {
}
