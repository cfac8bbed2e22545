package com.cycube.support.events;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applying an event's effect exactly once with one single-document write: the document remembers the ids of the
 * events already applied to it ({@value #APPLIED}, the most recent {@value #REMEMBERED}), and the write only
 * matches a document that has not seen this event yet. The effect and the memory of it are one atomic write, so a
 * crash can never leave one without the other.
 */
public final class Idempotent {

    /** Where a document remembers applied event ids. */
    public static final String APPLIED = "_appliedEvents";
    /** How many ids a document remembers; redeliveries come soon after the original, never thousands of events later. */
    public static final int REMEMBERED = 500;

    private Idempotent() {
    }

    /**
     * Applies {@code update} to the single document matched by {@code query} unless that document already applied
     * {@code eventId}. With {@code upsert} the document is created when missing — then {@code query} must pin its
     * {@code _id}, so that a second delivery finds (and skips) the same document instead of creating another.
     * The update may also {@link Outbox#record record} follow-up events: they are stored only when the effect is.
     * The update is consumed: this method adds to it, so build a new one for every call (and every retry).
     *
     * @return true when the effect was applied now, false when it had been applied before (or, without upsert,
     * when no document matches)
     */
    public static boolean applyOnce(MongoTemplate mongo, String collection, Query query, Update update,
                                    String eventId, boolean upsert) {
        Query notYetApplied = Query.of(query).addCriteria(Criteria.where(APPLIED).ne(eventId));
        Update remembering = update.push(APPLIED).slice(-REMEMBERED).each(eventId);
        try {
            if (upsert) {
                var result = mongo.upsert(notYetApplied, remembering, collection);
                return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
            }
            return mongo.updateFirst(notYetApplied, remembering, collection).getModifiedCount() > 0;
        } catch (DuplicateKeyException alreadyApplied) {
            // the upsert tried to insert a document whose _id exists: it exists because it saw this event
            return false;
        }
    }
}
