package com.cycube.support.contracts.training;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/**
 * An enrollment's progress moved. {@code score} is the average quiz score so far (null before any);
 * {@code status} is ON_TRACK, OVERDUE or COMPLETED.
 */
@EventType("training.ProgressChanged")
public record ProgressChanged(String enrollmentId, String userId, String courseId, int percent, int completedCubes,
                              int totalCubes, Double score, String status) implements EventPayload {

    public ProgressChanged {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
    }
}
