package com.cycube.identity.events;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserting a mapped document together with its events: the entity is converted exactly as
 * {@code MongoTemplate.insert(entity)} would store it, and {@code _outbox} is added to that one
 * insert (docs/events.md: no write without its events, no event without its write).
 */
public final class OutboxInserts {

    private OutboxInserts() {
    }

    /** Inserts {@code entity} into {@code collection} with {@code events} pending in its outbox. */
    public static void insert(MongoTemplate mongo, Object entity, String collection, DomainEvent... events) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        document.put(Outbox.FIELD, Outbox.field(events));
        mongo.insert(document, collection);
    }
}
