package com.cycube.training.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.cycube.support.live.LiveFeeds;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.enrollments.EnrollmentScope;
import com.cycube.training.enrollments.EnrollmentStore;
import com.cycube.training.people.PeopleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/**
 * The live feed behind progressUpdated on its own (no change stream: changes are announced by hand, as the follower
 * thread would): a subscriber gets the changes made after it started, never what was there before.
 */
class ProgressUpdatesTest {

    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    static final EnrollmentScope ACME_WIDE = new EnrollmentScope("org-acme", null, null);

    final EnrollmentStore store = mock(EnrollmentStore.class);
    final ProgressUpdates updates = new ProgressUpdates(new LiveFeeds(null, false), store, mock(PeopleStore.class),
            Clock.fixed(T, ZoneOffset.UTC));

    static EnrollmentDocument enrollment(String id, long revision) {
        return new EnrollmentDocument(id, "org-acme", "user-" + id, "course-1", List.of(), List.of(), null, T, List.of(),
                0, null, null, revision, T);
    }

    /**
     * The follower re-reads a change made before the subscription (its change event arrives late) at the very moment
     * the subscription reads its baseline: that state is not news. Once the subscription has started, the next
     * change is the first thing it pushes.
     */
    @Test
    void a_change_reread_while_the_subscription_reads_its_baseline_is_not_pushed_as_news() {
        when(store.reread("e-1")).thenReturn(Optional.of(enrollment("e-1", 1)));
        when(store.revisions(ACME_WIDE)).thenAnswer(invocation -> {
            Thread follower = new Thread(() -> updates.feed().refresh(Optional.of("e-1")));
            follower.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> EnumSet.of(Thread.State.BLOCKED, Thread.State.WAITING,
                    Thread.State.TERMINATED).contains(follower.getState()));
            return Map.of("e-1", 1L);
        });
        List<EnrollmentDocument> pushed = new CopyOnWriteArrayList<>();
        Disposable subscription = updates.follow(ACME_WIDE).subscribe(pushed::add);
        try {
            assertThat(updates.feed().started()).isOne();
            when(store.reread("e-1")).thenReturn(Optional.of(enrollment("e-1", 2)));
            updates.feed().refresh(Optional.of("e-1"));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(pushed).extracting(EnrollmentDocument::revision).containsExactly(2L));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void a_subscriber_gets_new_enrollments_and_later_revisions_of_its_scope_only() {
        when(store.revisions(ACME_WIDE)).thenReturn(Map.of("e-1", 3L));
        List<EnrollmentDocument> pushed = new CopyOnWriteArrayList<>();
        Disposable subscription = updates.follow(ACME_WIDE).subscribe(pushed::add);
        try {
            when(store.reread("e-1")).thenReturn(Optional.of(enrollment("e-1", 3)));
            updates.feed().refresh(Optional.of("e-1")); // as it was: not news
            when(store.reread("e-2")).thenReturn(Optional.of(enrollment("e-2", 1)));
            updates.feed().refresh(Optional.of("e-2")); // a new enrollment
            when(store.reread("e-1")).thenReturn(Optional.of(enrollment("e-1", 4)));
            updates.feed().refresh(Optional.of("e-1"));

            assertThat(pushed).extracting(e -> e.id() + "@" + e.revision()).containsExactly("e-2@1", "e-1@4");
        } finally {
            subscription.dispose();
        }
    }
}
