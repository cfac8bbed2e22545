package com.cycube.catalog.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which version of a course each caller sees, without Spring. */
class CourseAccessTest {

    private static final Caller ROOT = person(Role.ROOT, null);
    private static final Caller ACME_MANAGER = person(Role.MANAGER, "org-acme");
    private static final Caller ACME_TRAINEE = person(Role.TRAINEE, "org-acme");
    private static final Caller ACME_HR = new Caller("sa-hr", Caller.Kind.INTEGRATION, Optional.empty(), Optional.of("org-acme"),
            Set.of("catalog:read"), null, null, null);

    private static final CourseContent V1 = new CourseContent("V1", null, CourseLevel.BEGINNER, List.of(), List.of());
    private static final CourseContent V2 = new CourseContent("V2", null, CourseLevel.BEGINNER, List.of(), List.of());

    @Test
    void authors_see_the_draft_and_everyone_else_the_published_version() {
        CourseDocument acmeCourse = course("org-acme", CourseStatus.PUBLISHED, 1, 2, V2);
        assertThat(CourseAccess.currentView(ACME_MANAGER, acmeCourse).orElseThrow())
                .extracting(CourseView::version, CourseView::status, CourseView::title).containsExactly(2, CourseStatus.DRAFT, "V2");
        assertThat(CourseAccess.currentView(ROOT, acmeCourse).orElseThrow().status()).isEqualTo(CourseStatus.DRAFT);
        for (Caller reader : List.of(ACME_TRAINEE, ACME_HR)) {
            assertThat(CourseAccess.currentView(reader, acmeCourse).orElseThrow())
                    .extracting(CourseView::version, CourseView::status, CourseView::title, CourseView::draftVersion)
                    .containsExactly(1, CourseStatus.PUBLISHED, "V1", null);
        }
    }

    @Test
    void a_never_published_course_is_invisible_to_readers_and_to_managers_of_global_content() {
        CourseDocument globalDraft = course(null, CourseStatus.DRAFT, null, 1, V1);
        assertThat(CourseAccess.currentView(ACME_TRAINEE, globalDraft)).isEmpty();
        assertThat(CourseAccess.currentView(ACME_MANAGER, globalDraft)).isEmpty();
        assertThat(CourseAccess.currentView(ROOT, globalDraft)).isPresent();
    }

    @Test
    void an_archived_course_shows_its_last_published_version_as_archived_even_to_authors() {
        CourseDocument archived = course("org-acme", CourseStatus.ARCHIVED, 1, 2, V2);
        assertThat(CourseAccess.currentView(ACME_MANAGER, archived).orElseThrow())
                .extracting(CourseView::version, CourseView::status).containsExactly(1, CourseStatus.ARCHIVED);
        assertThat(CourseAccess.currentView(ACME_TRAINEE, archived).orElseThrow().status()).isEqualTo(CourseStatus.ARCHIVED);
    }

    @Test
    void only_authors_read_older_versions() {
        CourseDocument republished = course(null, CourseStatus.PUBLISHED, 3, null, null);
        assertThat(CourseAccess.mayReadOldVersion(ROOT, republished, 1)).isTrue();
        assertThat(CourseAccess.mayReadOldVersion(ROOT, republished, 3)).isFalse(); // the current one is not "old"
        assertThat(CourseAccess.mayReadOldVersion(ACME_MANAGER, republished, 1)).isFalse();
        assertThat(CourseAccess.mayReadOldVersion(ACME_TRAINEE, republished, 2)).isFalse();
        assertThat(CourseAccess.versionView(ACME_TRAINEE, republished, 3)).isPresent();
        assertThat(CourseAccess.versionView(ACME_TRAINEE, republished, 2)).isEmpty();
    }

    @Test
    void managers_author_their_own_organization_only_and_integrations_never() {
        assertThat(CourseAccess.authors(ACME_MANAGER, "org-acme")).isTrue();
        assertThat(CourseAccess.authors(ACME_MANAGER, "org-globex")).isFalse();
        assertThat(CourseAccess.authors(ACME_MANAGER, null)).isFalse();
        assertThat(CourseAccess.authors(ACME_TRAINEE, "org-acme")).isFalse();
        assertThat(CourseAccess.authors(ACME_HR, "org-acme")).isFalse();
        assertThat(CourseAccess.authors(ROOT, null)).isTrue();
    }

    private static CourseDocument course(String org, CourseStatus status, Integer published, Integer draft, CourseContent draftContent) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        int latest = Math.max(published == null ? 0 : published, draft == null ? 0 : draft);
        return new CourseDocument("c", org, "author", status, published, draft, latest, 0, draftContent,
                published == null ? null : CourseSummary.of(V1), CourseSummary.of(draftContent != null ? draftContent : V1),
                List.of(), List.of(), t, t, published == null ? null : t);
    }

    private static Caller person(Role role, String org) {
        return new Caller("u-" + role, Caller.Kind.PERSON, Optional.of(role), Optional.ofNullable(org), Set.of(), null, null, null);
    }
}
