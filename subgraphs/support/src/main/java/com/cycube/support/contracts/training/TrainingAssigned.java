package com.cycube.support.contracts.training;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A manager assigned a course or a learning path (exactly one of {@code courseId}, {@code learningPathId}) to people
 * and teams, due at {@code dueAt}; produced once per assignment. {@code assignedBy} is the manager's user id.
 */
@EventType("training.TrainingAssigned")
public record TrainingAssigned(String assignmentId, String courseId, String learningPathId, List<String> userIds,
                               List<String> teamIds, Instant dueAt, String assignedBy) implements EventPayload {
    public TrainingAssigned {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(dueAt, "dueAt");
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
    }
}
