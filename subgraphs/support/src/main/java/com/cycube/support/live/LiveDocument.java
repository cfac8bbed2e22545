package com.cycube.support.live;

/**
 * A document a {@link LiveFeed} can push: it has an id and a {@code revision} that every visible change raises
 * (and that writes nobody should see — the outbox relay's {@code $pull}, bookkeeping — leave alone), so a
 * subscriber is never sent the same state twice.
 */
public interface LiveDocument {

    String id();

    long revision();
}
