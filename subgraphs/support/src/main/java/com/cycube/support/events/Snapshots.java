package com.cycube.support.events;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A consumer's copy of another subgraph's entity from its snapshot events, by the rule of docs/events.md §7: keep the
 * highest {@code version}. A redelivered or late older snapshot changes nothing.
 */
public final class Snapshots {

    private Snapshots() {
    }

    /** Stores {@code fields} as the document {@code id} of {@code collection} unless a version as high is stored. */
    public static void keepHighest(MongoTemplate mongo, String collection, String id, long version, Document fields) {
        Update update = new Update().set("version", version);
        fields.forEach(update::set);
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").lt(version)), update, collection)
                .getMatchedCount() == 0) {
            try {
                mongo.insert(new Document(fields).append("_id", id).append("version", version), collection);
            } catch (DuplicateKeyException storedAlready) {
                // a version at least as high is there: nothing to do
            }
        }
    }
}
