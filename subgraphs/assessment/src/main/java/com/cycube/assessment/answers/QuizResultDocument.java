package com.cycube.assessment.answers;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One trainee's answers on one cube: per question the attempts, hints taken and points, and whether the quiz was
 * passed. It is the single document every auto-graded answer and hint changes, guarded by {@code revision}
 * (compare-and-set), so an answer, its {@code assessment.AnswerSubmitted} event, the pass and its
 * {@code assessment.QuizPassed} event are one atomic write — and a quiz is passed (and announced) at most once even
 * when answers race. Holds pending {@code _outbox} events: changed with update operators only, never replaced.
 * {@code organizationId} is the trainee's organization.
 */
@Document(QuizResultDocument.COLLECTION)
public record QuizResultDocument(@Id String id, String organizationId, String userId, String cubeId, long revision,
                                 Map<String, QuestionState> questions, boolean passed, Instant passedAt,
                                 Integer passedScore, Instant failedAt, Instant createdAt, Instant updatedAt)
        implements TenantOwned {

    public static final String COLLECTION = "quiz_results";

    public QuizResultDocument {
        questions = questions == null ? Map.of() : questions;
    }

    public static String idOf(String userId, String cubeId) {
        return userId + ":" + cubeId;
    }

    public QuestionState state(String questionId) {
        return questions.getOrDefault(questionId, QuestionState.NONE);
    }

    public boolean failed() {
        return failedAt != null;
    }

    /** This result with {@code attempt} recorded on {@code questionId} (in memory: what the answer's write leads to). */
    public QuizResultDocument withAnswer(String questionId, Attempt attempt) {
        QuestionState before = state(questionId);
        List<Attempt> history = new ArrayList<>(before.history());
        history.add(attempt);
        Map<String, QuestionState> after = new HashMap<>(questions);
        after.put(questionId, new QuestionState(attempt.attempt(), attempt.correct(), attempt.points(), before.hintsTaken(),
                before.hintPenalty(), history));
        return new QuizResultDocument(id, organizationId, userId, cubeId, revision, after, passed, passedAt, passedScore,
                failedAt, createdAt, updatedAt);
    }

    /**
     * A trainee's state on one question.
     *
     * @param attempts    auto-graded answers submitted
     * @param solved      an answer was correct
     * @param points      points awarded (0 until solved)
     * @param hintsTaken  ids of the hints taken
     * @param hintPenalty the penalty the next correct answer pays
     * @param history     every graded attempt
     */
    public record QuestionState(Integer attempts, Boolean solved, Integer points, List<String> hintsTaken,
                                Integer hintPenalty, List<Attempt> history) {

        public static final QuestionState NONE = new QuestionState(0, false, 0, List.of(), 0, List.of());

        /** Fields a partial write has not set yet (a hint taken before any answer, say) read as zero / empty. */
        public QuestionState {
            attempts = attempts == null ? 0 : attempts;
            solved = solved != null && solved;
            points = points == null ? 0 : points;
            hintPenalty = hintPenalty == null ? 0 : hintPenalty;
            hintsTaken = hintsTaken == null ? List.of() : hintsTaken;
            history = history == null ? List.of() : history;
        }
    }

    /** One graded auto-graded answer (the answer itself is not kept). */
    public record Attempt(int attempt, boolean correct, int points, Instant at) {
    }
}
