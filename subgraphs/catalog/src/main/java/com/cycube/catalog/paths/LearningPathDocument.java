package com.cycube.catalog.paths;

import com.cycube.catalog.courses.ContentVisibility;
import com.cycube.catalog.courses.CourseStatus;
import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learning path (collection {@code learning_paths}): an ordered list of course ids. Paths are not versioned —
 * they only point at courses, which are. Accessors match the GraphQL {@code LearningPath} type (except
 * {@code courses}, resolved from {@code courseIds}).
 */
@Document("learning_paths")
public record LearningPathDocument(
        @Id String id,
        String organizationId,
        String authorId,
        String title,
        String description,
        List<String> courseIds,
        CourseStatus status,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) implements TenantOwned {

    public LearningPathDocument {
        courseIds = courseIds == null ? List.of() : List.copyOf(courseIds);
    }

    public ContentVisibility visibility() {
        return ContentVisibility.of(organizationId);
    }
}
