package com.cycube.support.contracts.training;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** Every cube of an enrollment's course is complete; produced once per enrollment. */
@EventType("training.CourseCompleted")
public record CourseCompleted(String enrollmentId, String userId, String courseId, String courseTitle, Double score,
                              Instant completedAt) implements EventPayload {

    public CourseCompleted {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
    }
}
