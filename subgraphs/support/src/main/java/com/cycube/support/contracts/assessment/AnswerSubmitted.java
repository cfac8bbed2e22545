package com.cycube.support.contracts.assessment;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/**
 * An answer was graded (automatically, or a free-text answer by a manager): never the answer itself. {@code attempt}
 * counts from 1 per user and question; {@code hintsTaken} is how many of the question's hints the user had revealed
 * when answering (null in events from before it existed); {@code gradedBy} is the user id of the manager who graded a
 * free-text answer (null for answers graded automatically, and in events from before it existed).
 */
@EventType("assessment.AnswerSubmitted")
public record AnswerSubmitted(String userId, String cubeId, String questionId, boolean correct, int points,
                              int attempt, Integer hintsTaken, String gradedBy) implements EventPayload {

    public AnswerSubmitted {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(cubeId, "cubeId");
        Objects.requireNonNull(questionId, "questionId");
    }

    /** An answer graded automatically. */
    public AnswerSubmitted(String userId, String cubeId, String questionId, boolean correct, int points, int attempt,
                           Integer hintsTaken) {
        this(userId, cubeId, questionId, correct, points, attempt, hintsTaken, null);
    }

    /** An answer event without the hints count (as before it existed). */
    public AnswerSubmitted(String userId, String cubeId, String questionId, boolean correct, int points, int attempt) {
        this(userId, cubeId, questionId, correct, points, attempt, null, null);
    }

    /** Whether a person graded it (a free-text answer), rather than the platform. */
    public boolean gradedByAPerson() {
        return gradedBy != null;
    }
}
