package com.cycube.support.contracts.training;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/**
 * The first fact about a cube of an enrollment arrived (an answer, a lab, a completed reading); produced once per
 * enrollment and cube, before any {@link CubeCompleted} of it.
 */
@EventType("training.CubeStarted")
public record CubeStarted(String enrollmentId, String userId, String courseId, String cubeId) implements EventPayload {
    public CubeStarted {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(cubeId, "cubeId");
    }
}
