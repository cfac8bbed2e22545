package com.cycube.catalog.courses;

import java.time.Instant;
import java.util.List;

/**
 * A course as one caller sees it: one version of it (the draft for its authors, otherwise the published one,
 * or an explicitly requested version). Scalar fields come from the version's {@code details} (kept in the head); the modules come from
 * {@code content}, which is null when the version's content has not been read yet — the
 * {@code courseContent} DataLoader then reads it, batched for a whole page.
 *
 * <p>Accessors named like the GraphQL {@code Course} fields are what the schema resolves.
 */
public record CourseView(CourseDocument head, int version, CourseStatus status, CourseSummary details,
                         CourseContent content, Instant publishedAt, boolean forAuthor) {

    public String id() {
        return head.id();
    }

    public String title() {
        return details.title();
    }

    public String summary() {
        return details.summary();
    }

    public CourseLevel level() {
        return details.level();
    }

    public int estimatedMinutes() {
        return details.estimatedMinutes();
    }

    public List<String> skillIds() {
        return details.skillIds();
    }

    public Integer publishedVersion() {
        return head.publishedVersion();
    }

    /** Only authors learn that a draft exists. */
    public Integer draftVersion() {
        return forAuthor ? head.draftVersion() : null;
    }

    public long revision() {
        return head.revision();
    }

    public ContentVisibility visibility() {
        return head.visibility();
    }

    public String organizationId() {
        return head.organizationId();
    }

    public Instant createdAt() {
        return head.createdAt();
    }

    public Instant updatedAt() {
        return head.updatedAt();
    }

    /** Where this version's content is stored when it is not the draft. */
    public String versionDocumentId() {
        return CourseVersionDocument.idOf(head.id(), version);
    }

    public CourseView withContent(CourseContent loaded) {
        return new CourseView(head, version, status, details, loaded, publishedAt, forAuthor);
    }
}
