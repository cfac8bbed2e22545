package com.cycube.analytics.directory;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Copies of other subgraphs' entities from their snapshot events, keeping the one with the highest version
 * (docs/events.md §7): a redelivered or late older snapshot changes nothing.
 */
@Component
public class SnapshotStore {

    private final MongoTemplate mongo;

    public SnapshotStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores {@code fields} as the document {@code id} of {@code collection} unless a version as high is stored. */
    public void keepHighest(String collection, String id, long version, Document fields) {
        Update update = new Update().set("version", version);
        fields.forEach(update::set);
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").lt(version)), update,
                collection);
        if (result.getMatchedCount() == 0) {
            Document fresh = new Document(fields).append("_id", id).append("version", version);
            try {
                mongo.insert(fresh, collection);
            } catch (DuplicateKeyException storedAlready) {
                // a version at least as high is there: nothing to do
            }
        }
    }
}
