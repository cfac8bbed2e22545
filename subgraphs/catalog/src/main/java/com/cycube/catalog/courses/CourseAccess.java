package com.cycube.catalog.courses;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.util.Optional;

/**
 * Who may read and author catalog content, and which version of a course each caller sees.
 *
 * <ul>
 *   <li>Readers: every person (TRAINEE and up) and integration clients with {@code catalog:read}.</li>
 *   <li>Authors: root for everything (global content); managers for their own organization's content.
 *       Integration clients never author.</li>
 *   <li>Authors see a course's draft (if any) and its history; everyone else sees only the published version,
 *       or the archived one when they open it by id.</li>
 * </ul>
 * Tenant scoping (another organization's course is never even read) is done by {@code TenantScopedMongo};
 * these rules decide what a caller sees among the courses of their own organization and the global ones.
 */
public final class CourseAccess {

    public static final String READ_SCOPE = "catalog:read";

    private CourseAccess() {
    }

    public static Caller requireReader(Caller caller) {
        return caller.require(Role.TRAINEE, READ_SCOPE);
    }

    /** Authoring needs a person with the MANAGER role (or root); integrations never author. */
    public static Caller requireAuthorRole(Caller caller) {
        return caller.require(Role.MANAGER, null);
    }

    /** True when {@code caller} authors content owned by {@code organizationId} (null = global). */
    public static boolean authors(Caller caller, String organizationId) {
        if (caller.isRoot()) {
            return true;
        }
        return organizationId != null && caller.hasRole(Role.MANAGER) && caller.canAccessOrganization(organizationId);
    }

    /**
     * The organization that owns content the caller creates with the {@code requested} visibility (null = global):
     * root authors global content only ({@code organizationRefusal} when it asks for ORGANIZATION), managers their
     * own organization's only (GLOBAL is FORBIDDEN).
     */
    public static String owningOrganization(Caller caller, ContentVisibility requested, String organizationRefusal) {
        if (caller.isRoot()) {
            if (requested == ContentVisibility.ORGANIZATION) {
                throw DomainException.badInput(organizationRefusal);
            }
            return null;
        }
        if (requested == ContentVisibility.GLOBAL) {
            throw DomainException.forbidden("Only root authors global content");
        }
        return caller.requireOrganization();
    }

    /** The version of {@code head} the caller sees by default; empty when they may not see it at all. */
    public static Optional<CourseView> currentView(Caller caller, CourseDocument head) {
        boolean author = authors(caller, head.organizationId());
        if (author && head.hasDraft() && !head.isArchived()) {
            return Optional.of(draftView(head));
        }
        if (head.publishedVersion() != null) {
            return Optional.of(publishedView(head, author));
        }
        return Optional.empty();
    }

    /**
     * {@code version} of {@code head} if the caller may see it and it is the draft or the published version.
     * Older versions are for authors only and must be read from {@code course_versions}:
     * see {@link #mayReadOldVersion}.
     */
    public static Optional<CourseView> versionView(Caller caller, CourseDocument head, int version) {
        boolean author = authors(caller, head.organizationId());
        if (author && head.hasDraft() && head.draftVersion() == version) {
            return Optional.of(draftView(head));
        }
        if (head.publishedVersion() != null && head.publishedVersion() == version) {
            return Optional.of(publishedView(head, author));
        }
        return Optional.empty();
    }

    public static boolean mayReadOldVersion(Caller caller, CourseDocument head, int version) {
        return authors(caller, head.organizationId()) && head.publishedVersion() != null
                && version >= 1 && version < head.publishedVersion();
    }

    public static CourseView oldVersionView(CourseDocument head, CourseVersionDocument version) {
        return new CourseView(head, version.version(), CourseStatus.SUPERSEDED, CourseSummary.of(version.content()),
                version.content(), version.publishedAt(), true);
    }

    public static CourseView draftView(CourseDocument head) {
        return new CourseView(head, head.draftVersion(), CourseStatus.DRAFT, CourseSummary.of(head.draft()),
                head.draft(), null, true);
    }

    public static CourseView publishedView(CourseDocument head, boolean author) {
        CourseStatus status = head.isArchived() ? CourseStatus.ARCHIVED : CourseStatus.PUBLISHED;
        return new CourseView(head, head.publishedVersion(), status, head.published(), null, head.publishedAt(), author);
    }
}
