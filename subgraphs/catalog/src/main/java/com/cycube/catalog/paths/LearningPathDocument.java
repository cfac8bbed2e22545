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
 *
 * @param revision         incremented by every change; the optimistic-concurrency token
 * @param publishedVersion how often the path was published (its last {@code LearningPathPublished.version}): 0 while
 *                         a draft (and in documents stored before it existed), 1 at the first publication, +1 each
 *                         time it is published again or changed while published
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
        Long publishedVersion,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) implements TenantOwned {

    public LearningPathDocument {
        courseIds = courseIds == null ? List.of() : List.copyOf(courseIds);
        publishedVersion = publishedVersion == null ? 0L : publishedVersion;
    }

    public ContentVisibility visibility() {
        return ContentVisibility.of(organizationId);
    }
}
