package com.cycube.support.contracts.training;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * An existing enrollment was covered by one more assignment; produced once per enrollment and assignment, by the
 * write that adds it. {@code dueAt} is the enrollment's due date after it (the earliest of its assignments'), null if
 * it has none.
 */
@EventType("training.EnrollmentAssigned")
public record EnrollmentAssigned(String enrollmentId, String userId, String courseId, String assignmentId,
                                 String pathId, Instant dueAt) implements EventPayload {
    public EnrollmentAssigned {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(assignmentId, "assignmentId");
    }
}
