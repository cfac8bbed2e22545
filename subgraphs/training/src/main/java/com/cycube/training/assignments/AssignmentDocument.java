package com.cycube.training.assignments;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A course or learning path assigned to users and teams of one organization.
 *
 * @param courseIds  the courses it enrolls in (the course, or the path's open courses when assigned)
 * @param assignedBy the manager's user id; null for an integration client
 */
@Document(AssignmentDocument.COLLECTION)
public record AssignmentDocument(@Id String id, String organizationId, String courseId, String learningPathId,
                                 List<String> courseIds, List<String> userIds, List<String> teamIds, Instant dueAt,
                                 Instant assignedAt, String assignedBy, String assignedByClient) implements TenantOwned {

    public static final String COLLECTION = "assignments";

    public List<String> userIds() {
        return userIds == null ? List.of() : userIds;
    }

    public List<String> teamIds() {
        return teamIds == null ? List.of() : teamIds;
    }

    public List<String> courseIds() {
        return courseIds == null ? List.of() : courseIds;
    }
}
