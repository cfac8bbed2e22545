package com.cycube.support.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/**
 * A feed driven by hand: a stored map stands in for the collection, {@link LiveFeed#refresh} for its change stream
 * (as tests of the subgraphs do with {@code cycube.change-streams.enabled=false}).
 */
class LiveFeedTest {

    private static final String ACME = "org-acme";
    private static final String GLOBEX = "org-globex";
    private static final Predicate<Lab> EVERY_LAB = lab -> true;

    record Lab(String id, String organizationId, String owner, String state, long revision) implements LiveDocument {
    }

    /** The stored labs, watched by organization (or by id), counting every re-read. */
    static final class StoredLabs implements LiveFeed.Source<Lab> {
        final Map<String, Lab> labs = new ConcurrentHashMap<>();
        final AtomicInteger rereads = new AtomicInteger();
        private final boolean keyedById;

        StoredLabs(boolean keyedById) {
            this.keyedById = keyedById;
        }

        Lab save(Lab lab) {
            labs.put(lab.id(), lab);
            return lab;
        }

        List<Lab> of(String organizationId) {
            return labs.values().stream().filter(lab -> lab.organizationId().equals(organizationId)).toList();
        }

        @Override
        public String keyOf(Lab lab) {
            return keyedById ? lab.id() : lab.organizationId();
        }

        @Override
        public Optional<Lab> reread(String id) {
            rereads.incrementAndGet();
            return Optional.ofNullable(labs.get(id));
        }

        @Override
        public List<Lab> rereadWatched(Set<String> keys) {
            rereads.incrementAndGet();
            return labs.values().stream().filter(lab -> keys.contains(keyOf(lab))).toList();
        }

        @Override
        public boolean keyedById() {
            return keyedById;
        }
    }

    private final StoredLabs byOrganization = new StoredLabs(false);
    private final StoredLabs byId = new StoredLabs(true);
    // switched off: no change stream, the test calls refresh(...) as the follower would
    private final LiveFeeds feeds = new LiveFeeds(null, false);
    private final LiveFeed<Lab> organizationFeed = feeds.open("labs", byOrganization);
    private final LiveFeed<Lab> labFeed = feeds.open("labs", byId);

    private static Lab lab(String id, String organizationId, String state, long revision) {
        return new Lab(id, organizationId, "trainee", state, revision);
    }

    @Test
    void a_subscriber_gets_the_current_state_first_then_only_newer_revisions() {
        byOrganization.save(lab("lab-1", ACME, "PROVISIONING", 1));
        List<Lab> pushed = new CopyOnWriteArrayList<>();

        organizationFeed.followFromCurrent(ACME, EVERY_LAB, () -> byOrganization.of(ACME)).subscribe(pushed::add);
        assertThat(pushed).extracting(Lab::state).containsExactly("PROVISIONING");

        organizationFeed.refresh(Optional.of("lab-1")); // re-read, same revision: not news
        byOrganization.save(lab("lab-1", ACME, "RUNNING", 2));
        organizationFeed.refresh(Optional.of("lab-1"));
        organizationFeed.refresh(Optional.of("lab-1")); // delivered twice by the stream: pushed once
        byOrganization.save(lab("lab-1", ACME, "PROVISIONING", 1)); // an older state read late
        organizationFeed.refresh(Optional.of("lab-1"));

        assertThat(pushed).extracting(Lab::state, Lab::revision)
                .containsExactly(tuple("PROVISIONING", 1L), tuple("RUNNING", 2L));
    }

    @Test
    void following_changes_pushes_nothing_that_existed_before_the_subscription() {
        byOrganization.save(lab("lab-1", ACME, "RUNNING", 3));
        List<Lab> pushed = new CopyOnWriteArrayList<>();

        organizationFeed.followChanges(ACME, EVERY_LAB, () -> Map.of("lab-1", 3L)).subscribe(pushed::add);
        organizationFeed.refresh(Optional.of("lab-1"));
        assertThat(pushed).isEmpty();

        byOrganization.save(lab("lab-1", ACME, "STOPPING", 4));
        organizationFeed.refresh(Optional.of("lab-1"));
        byOrganization.save(lab("lab-2", ACME, "REQUESTED", 1)); // new since the subscription: news
        organizationFeed.refresh(Optional.of("lab-2"));

        assertThat(pushed).extracting(Lab::id, Lab::state)
                .containsExactly(tuple("lab-1", "STOPPING"), tuple("lab-2", "REQUESTED"));
    }

    /**
     * The follower thread may re-read a document written just before the subscription while the subscription is
     * still reading where it starts from: that document is not news and must not be pushed.
     */
    @Test
    void a_change_made_before_the_subscription_and_reread_while_it_starts_is_not_pushed() throws Exception {
        byOrganization.save(lab("lab-1", ACME, "RUNNING", 3));
        List<Lab> pushed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> rereadDuringStart = new CompletableFuture<>();

        organizationFeed.followChanges(ACME, EVERY_LAB, () -> {
            // the follower, on its own thread, re-reads lab-1 (revision 3) before the starting point is known
            rereadDuringStart.complete(null);
            CompletableFuture.runAsync(() -> organizationFeed.refresh(Optional.of("lab-1"))).join();
            return Map.of("lab-1", 3L);
        }).subscribe(pushed::add);
        rereadDuringStart.get(5, TimeUnit.SECONDS);
        byOrganization.save(lab("lab-1", ACME, "STOPPING", 4));
        organizationFeed.refresh(Optional.of("lab-1"));

        assertThat(pushed).extracting(Lab::state).containsExactly("STOPPING");
    }

    @Test
    void many_changes_while_a_lone_subscriber_starts_are_all_delivered_and_the_feed_lives_on() throws Exception {
        for (int i = 1; i <= 50; i++) {
            byOrganization.save(lab("lab-" + i, ACME, "REQUESTED", 1));
        }
        List<Lab> pushed = new CopyOnWriteArrayList<>();
        organizationFeed.followChanges(ACME, EVERY_LAB, () -> {
            // while the starting point is read, the follower re-reads 50 labs that changed since
            CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 50; i++) {
                    byOrganization.save(lab("lab-" + i, ACME, "PROVISIONING", 2));
                    organizationFeed.refresh(Optional.of("lab-" + i));
                }
            }).join();
            return Map.of();
        }).subscribe(pushed::add);

        assertThat(pushed).hasSize(50).allSatisfy(lab -> assertThat(lab.state()).isEqualTo("PROVISIONING"));

        List<Lab> later = new CopyOnWriteArrayList<>();
        organizationFeed.followChanges(GLOBEX, EVERY_LAB, Map::of).subscribe(later::add);
        byOrganization.save(lab("lab-g", GLOBEX, "RUNNING", 1));
        organizationFeed.refresh(Optional.of("lab-g"));
        assertThat(later).extracting(Lab::id).containsExactly("lab-g");
    }

    @Test
    void a_subscriber_that_falls_too_far_behind_is_ended_alone() {
        List<Lab> others = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> slowEnded = new java.util.concurrent.atomic.AtomicReference<>();
        organizationFeed.followChanges(ACME, EVERY_LAB, Map::of)
                .subscribe(new reactor.core.publisher.BaseSubscriber<Lab>() {
                    @Override
                    protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                        request(1); // takes one and then nothing more
                    }

                    @Override
                    protected void hookOnError(Throwable error) {
                        slowEnded.set(error);
                    }
                });
        organizationFeed.followChanges(ACME, EVERY_LAB, Map::of).subscribe(others::add);

        int changes = 2 * LiveFeed.SUBSCRIBER_BUFFER; // beyond its buffer (plus the little the operators prefetch)
        for (int i = 1; i <= changes; i++) {
            byOrganization.save(lab("lab-" + i, ACME, "RUNNING", 1));
            organizationFeed.refresh(Optional.of("lab-" + i));
        }

        assertThat(slowEnded.get()).isNotNull();
        assertThat(others).hasSize(changes);
    }

    @Test
    void a_document_under_a_key_nobody_watches_is_not_pushed() {
        List<Lab> pushed = new CopyOnWriteArrayList<>();
        organizationFeed.followFromCurrent(ACME, EVERY_LAB, () -> byOrganization.of(ACME)).subscribe(pushed::add);

        byOrganization.save(lab("lab-9", GLOBEX, "RUNNING", 1));
        organizationFeed.refresh(Optional.of("lab-9"));
        organizationFeed.refresh(Optional.empty());

        assertThat(pushed).isEmpty();
    }

    @Test
    void keyed_by_id_a_change_to_an_unwatched_document_is_not_even_reread() {
        byId.save(lab("lab-1", ACME, "RUNNING", 1));
        byId.save(lab("lab-2", ACME, "RUNNING", 1));
        List<Lab> pushed = new CopyOnWriteArrayList<>();
        labFeed.followFromCurrent("lab-1", EVERY_LAB, () -> List.of(byId.labs.get("lab-1"))).subscribe(pushed::add);

        byId.save(lab("lab-2", ACME, "STOPPING", 2));
        labFeed.refresh(Optional.of("lab-2"));

        assertThat(byId.rereads).hasValue(0);
        assertThat(pushed).extracting(Lab::id).containsExactly("lab-1");
    }

    @Test
    void a_change_that_does_not_say_which_document_rereads_what_is_watched() {
        byOrganization.save(lab("lab-1", ACME, "PROVISIONING", 1));
        List<Lab> pushed = new CopyOnWriteArrayList<>();
        organizationFeed.followFromCurrent(ACME, EVERY_LAB, () -> byOrganization.of(ACME)).subscribe(pushed::add);

        byOrganization.save(lab("lab-1", ACME, "RUNNING", 2));
        organizationFeed.refresh(Optional.empty()); // the embedded store's update, or the stream reopened

        assertThat(pushed).extracting(Lab::state).containsExactly("PROVISIONING", "RUNNING");
    }

    @Test
    void a_subscriber_only_receives_what_its_predicate_lets_it_see() {
        Predicate<Lab> ownLabsOnly = lab -> lab.owner().equals("trainee");
        List<Lab> pushed = new CopyOnWriteArrayList<>();
        organizationFeed.followFromCurrent(ACME, ownLabsOnly, () -> byOrganization.of(ACME)).subscribe(pushed::add);

        byOrganization.save(new Lab("lab-1", ACME, "someone-else", "RUNNING", 1));
        organizationFeed.refresh(Optional.of("lab-1"));
        byOrganization.save(lab("lab-2", ACME, "RUNNING", 1));
        organizationFeed.refresh(Optional.of("lab-2"));

        assertThat(pushed).extracting(Lab::id).containsExactly("lab-2");
    }

    @Test
    void after_the_last_subscriber_leaves_changes_are_no_longer_reread() {
        byOrganization.save(lab("lab-1", ACME, "RUNNING", 1));
        Disposable subscription = organizationFeed
                .followFromCurrent(ACME, EVERY_LAB, () -> byOrganization.of(ACME)).subscribe();
        organizationFeed.refresh(Optional.of("lab-1"));
        assertThat(byOrganization.rereads).hasValue(1);

        subscription.dispose();
        organizationFeed.refresh(Optional.of("lab-1"));
        organizationFeed.refresh(Optional.empty());

        assertThat(byOrganization.rereads).hasValue(1);
    }

    @Test
    void awaitStarted_returns_once_the_subscriptions_have_read_their_current_state() throws Exception {
        assertThat(organizationFeed.awaitStarted(1, Duration.ofMillis(20))).isFalse();
        CompletableFuture<Boolean> twoStarted = CompletableFuture.supplyAsync(() -> {
            try {
                return organizationFeed.awaitStarted(2, Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        organizationFeed.followFromCurrent(ACME, EVERY_LAB, List::of).subscribe();
        organizationFeed.followChanges(GLOBEX, EVERY_LAB, Map::of).subscribe();

        assertThat(twoStarted.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(organizationFeed.started()).isEqualTo(2);
        assertThat(labFeed.started()).as("each feed counts its own subscriptions").isZero();
    }
}
