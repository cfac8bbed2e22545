package com.cycube.catalog.courses;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The head of a course (collection {@code courses}): who owns it, where it is in the workflow, which version
 * is published, and the editable draft. Every edit is one compare-and-set on {@code revision} of this single
 * document, so concurrent editors get CONFLICT instead of losing each other's changes — no multi-document
 * transaction needed. Published versions live, immutable, in {@code course_versions}.
 *
 * @param status           DRAFT (never published), PUBLISHED or ARCHIVED
 * @param publishedVersion the version trainees see; null until first published
 * @param draftVersion     the version number the draft will get when published; null when there is no draft
 * @param latestVersion    the highest version number handed out (published or draft)
 * @param revision         incremented by every change; the optimistic-concurrency token
 * @param draft            the draft's full content (null when there is no draft)
 * @param published        summary of the published version (null until first published)
 * @param current          summary of what authors see: the draft if there is one (and not archived), else published
 * @param moduleIds        ids of modules present in the draft or the published version (entity lookups)
 * @param cubeIds          ids of cubes present in the draft or the published version (entity lookups)
 */
@Document("courses")
public record CourseDocument(
        @Id String id,
        String organizationId,
        String authorId,
        CourseStatus status,
        Integer publishedVersion,
        Integer draftVersion,
        int latestVersion,
        long revision,
        CourseContent draft,
        CourseSummary published,
        CourseSummary current,
        List<String> moduleIds,
        List<String> cubeIds,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) implements TenantOwned {

    public ContentVisibility visibility() {
        return ContentVisibility.of(organizationId);
    }

    public boolean isArchived() {
        return status == CourseStatus.ARCHIVED;
    }

    public boolean hasDraft() {
        return draft != null && draftVersion != null;
    }
}
