package com.cycube.support.contracts.assessment;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/** An answer was graded (automatically, or a free-text answer by a manager): never the answer itself. */
@EventType("assessment.AnswerSubmitted")
public record AnswerSubmitted(String userId, String cubeId, String questionId, boolean correct, int points,
                              int attempt) implements EventPayload {

    public AnswerSubmitted {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(cubeId, "cubeId");
        Objects.requireNonNull(questionId, "questionId");
    }
}
