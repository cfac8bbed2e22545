package com.cycube.assessment.answers;

import com.cycube.assessment.answers.QuizResultDocument.QuestionState;
import java.util.List;

/** A trainee's progress on one question ({@code QuestionProgress}). */
public record QuestionProgress(int attemptsUsed, int attemptsLeft, boolean solved, int pointsAwarded, int hintPenalty) {

    /** Of an auto-graded question, from the trainee's quiz result. */
    public static QuestionProgress of(int maxAttempts, QuestionState state) {
        int left = state.solved() ? 0 : Math.max(0, maxAttempts - state.attempts());
        return new QuestionProgress(state.attempts(), left, state.solved(), state.points(), state.hintPenalty());
    }

    /** Of a FREE_TEXT question, from the trainee's submissions (and the hint penalty kept in the quiz result). */
    public static QuestionProgress ofFreeText(int maxAttempts, List<FreeTextSubmissionDocument> submissions, int hintPenalty) {
        boolean solved = submissions.stream().anyMatch(FreeTextSubmissionDocument::gradedCorrect);
        int points = submissions.stream().filter(FreeTextSubmissionDocument::gradedCorrect)
                .mapToInt(FreeTextSubmissionDocument::points).max().orElse(0);
        int left = solved ? 0 : Math.max(0, maxAttempts - submissions.size());
        return new QuestionProgress(submissions.size(), left, solved, points, hintPenalty);
    }
}
