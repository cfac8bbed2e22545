package com.cycube.support.contracts.assessment;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/**
 * A user can no longer pass a QUIZ or LAB cube: every question they have not answered correctly has no attempt left,
 * and their points stay under the pass mark. Produced once per user and cube, never after a {@link QuizPassed} of
 * it. {@code score} is 0–100.
 */
@EventType("assessment.QuizFailed")
public record QuizFailed(String userId, String cubeId, int score, int points, int maxPoints) implements EventPayload {
    public QuizFailed {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(cubeId, "cubeId");
    }
}
