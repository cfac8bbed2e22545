package com.cycube.support.contracts.assessment;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/**
 * A user answered the questions of a QUIZ or LAB cube to its pass mark; produced once per user and cube.
 * {@code score} is 0–100.
 */
@EventType("assessment.QuizPassed")
public record QuizPassed(String userId, String cubeId, int score, int points, int maxPoints) implements EventPayload {

    public QuizPassed {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(cubeId, "cubeId");
    }
}
