package com.cycube.analytics.readmodel;

/**
 * The kinds of aggregate and how many shards each is split into. An aggregate that takes the contributions of many
 * entities (an organization: every enrollment, lab and learner of it) is split into shards, each entity always
 * writing to the same one: a shard sees a fraction of the writes, so its memory of applied deltas (the last
 * {@link com.cycube.support.events.Idempotent#REMEMBERED}) spans that many times more time, and concurrent writers
 * rarely meet on one document. A read sums the shards: a fixed number of documents, whatever the organization's size.
 */
public enum AggregateKind {
    ORGANIZATION("org", 32),
    LEARNER("learner", 1),
    COURSE("course", 8),
    QUESTION("question", 2);

    private final String prefix;
    private final int shards;

    AggregateKind(String prefix, int shards) {
        this.prefix = prefix;
        this.shards = shards;
    }

    String prefix() {
        return prefix;
    }

    int shards() {
        return shards;
    }
}
