package com.cycube.support.contracts.training;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/** A cube of an enrollment was completed; {@code how} is READING, QUIZ or LAB. */
@EventType("training.CubeCompleted")
public record CubeCompleted(String enrollmentId, String userId, String courseId, String cubeId, String how)
        implements EventPayload {

    public CubeCompleted {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(cubeId, "cubeId");
    }
}
