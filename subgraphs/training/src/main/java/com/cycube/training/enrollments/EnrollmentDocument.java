package com.cycube.training.enrollments;

import com.cycube.support.live.LiveDocument;
import com.cycube.support.tenancy.TenantOwned;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One trainee in one course. The id is derived from organization, user and course, so every path that enrolls
 * (enroll, assignTraining, a team's new member) upserts the same document: a user is enrolled in a course at most
 * once, even when two paths race. Changed only with update operators (never replaced): it may hold pending
 * {@code _outbox} events and {@code _appliedEvents}.
 *
 * @param assignmentIds the assignments covering it (empty: self-enrolled)
 * @param dueAt         the earliest due date of those assignments
 * @param cubes         facts per cube (only cubes something happened to)
 * @param revision      +1 on every visible change (the compare-and-set token and what live updates compare)
 * @param changedAt     when it last changed visibly
 */
@Document(EnrollmentDocument.COLLECTION)
public record EnrollmentDocument(@Id String id, String organizationId, String userId, String courseId,
                                 List<String> assignmentIds, List<String> pathIds, Instant dueAt, Instant enrolledAt,
                                 List<CubeState> cubes, long timeSpentSeconds, Instant lastActivityAt,
                                 Instant completedAt, long revision, Instant changedAt)
        implements TenantOwned, LiveDocument {

    public static final String COLLECTION = "enrollments";

    public static String idFor(String organizationId, String userId, String courseId) {
        return UUID.nameUUIDFromBytes((organizationId + "|" + userId + "|" + courseId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public List<CubeState> cubes() {
        return cubes == null ? List.of() : cubes;
    }

    public List<String> assignmentIds() {
        return assignmentIds == null ? List.of() : assignmentIds;
    }

    public boolean assigned() {
        return !assignmentIds().isEmpty();
    }

    /** This enrollment after a visible change of its progress at {@code at} (the next revision). */
    public EnrollmentDocument progressed(List<CubeState> newCubes, Instant newLastActivityAt, Instant newCompletedAt,
                                         Instant at) {
        return new EnrollmentDocument(id, organizationId, userId, courseId, assignmentIds, pathIds, dueAt, enrolledAt,
                newCubes, timeSpentSeconds, newLastActivityAt, newCompletedAt, revision + 1, at);
    }
}
