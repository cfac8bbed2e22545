package com.cycube.labs.instances;

import com.cycube.support.live.LiveFeed;
import com.cycube.support.live.LiveFeeds;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Live lab changes for {@code labUpdated}: the shared {@link LiveFeed} of {@code lab_instances}, keyed by lab id.
 * Whatever instance wrote a change, every instance sees it, and only stored changes are ever pushed.
 *
 * <p>Not every write is news: the outbox relay pulls relayed events out of {@code _outbox} and the driver pulls
 * released VMs out of {@code vmsToRelease}, both without touching {@code revision}, so subscribers never get a
 * duplicate push of an unchanged lab (every change a subscriber can see moves the revision: state transitions,
 * extensions, warnings, objectives).
 *
 * <p>Access is checked by the data fetcher before it follows; each subscriber only receives the lab it follows.
 */
@Component
public class LabUpdates {

    private final LabStore store;
    private final LiveFeed<LabInstanceDocument> feed;

    public LabUpdates(LiveFeeds feeds, LabStore store) {
        this.store = store;
        this.feed = feeds.open(LabStore.COLLECTION, LiveFeed.Source.byId(store::reread, store::rereadAll));
    }

    /** The lab now, then every newer stored revision of it; completes after a final state. */
    public Flux<LabInstanceDocument> follow(String labId) {
        return feed.followFromCurrent(labId, lab -> true, () -> store.reread(labId).stream().toList())
                .takeUntil(lab -> lab.state().isFinal());
    }
}
