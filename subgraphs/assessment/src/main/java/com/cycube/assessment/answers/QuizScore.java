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

    /** This score with {@code awarded} more points. */
    public QuizScore plus(int awarded) {
        return new QuizScore(cubeId, points + awarded, maxPoints, passMark, passed, passedAt);
    }

    /** points as a percentage of maxPoints, rounded down, at most 100. */
    public int score() {
        return maxPoints == 0 ? 0 : Math.min(100, (int) ((long) points * 100 / maxPoints));
    }

    public boolean reachesPassMark() {
        return maxPoints > 0 && (long) points * 100 >= (long) passMark * maxPoints;
    }
}
