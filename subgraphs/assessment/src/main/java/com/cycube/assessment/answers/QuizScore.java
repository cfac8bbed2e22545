package com.cycube.assessment.answers;

import com.cycube.assessment.questions.QuestionDocument;
import java.time.Instant;
import java.util.List;

/**
 * A trainee's score on a cube's auto-graded questions. The points counted are those of the cube's active
 * auto-graded questions; passing needs {@code points * 100 >= passMark * maxPoints} (and at least one question).
 */
public record QuizScore(String cubeId, int points, int maxPoints, int passMark, boolean passed, Instant passedAt) {

    public static QuizScore of(String cubeId, List<QuestionDocument> questions, QuizResultDocument result, int passMark) {
        int max = 0;
        int awarded = 0;
        for (QuestionDocument question : questions) {
            if (question.kind().isAutoGraded() && !question.archived()) {
                max += question.points();
                if (result != null) {
                    awarded += result.state(question.id()).points();
                }
            }
        }
        boolean passed = result != null && result.passed();
        return new QuizScore(cubeId, awarded, max, passMark, passed, result == null ? null : result.passedAt());
    }

    /**
     * Whether {@code result} can win no more points on these questions: each active auto-graded question is solved
     * or has no attempt left. (A score under the pass mark then stays under it: the quiz can no longer be passed.)
     */
    public static boolean nothingLeftToAnswer(List<QuestionDocument> questions, QuizResultDocument result) {
        for (QuestionDocument question : questions) {
            if (question.kind().isAutoGraded() && !question.archived()) {
                QuizResultDocument.QuestionState state = result.state(question.id());
                if (!state.solved() && state.attempts() < question.maxAttempts()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** points as a percentage of maxPoints, rounded down, at most 100. */
    public int score() {
        return maxPoints == 0 ? 0 : Math.min(100, (int) ((long) points * 100 / maxPoints));
    }

    public boolean reachesPassMark() {
        return maxPoints > 0 && (long) points * 100 >= (long) passMark * maxPoints;
    }
}
