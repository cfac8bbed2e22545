package com.cycube.support.contracts.training;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * A user was enrolled in a course; produced once per enrollment, by the write that creates it. {@code source} is
 * SELF (the user enrolled) or ASSIGNMENT (an assignment, {@code assignmentId}, enrolled them — then {@code dueAt} is
 * its due date); {@code pathId} is set when the enrollment came with a learning path.
 */
@EventType("training.Enrolled")
public record Enrolled(String enrollmentId, String userId, String courseId, String source, String assignmentId,
                       String pathId, Instant dueAt, Instant enrolledAt) implements EventPayload {
    public Enrolled {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
    }
}
