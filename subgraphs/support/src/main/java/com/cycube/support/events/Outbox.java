package com.cycube.support.events;

import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The transactional outbox without transactions: an event is stored <em>inside the document whose change it
 * reports</em>, in the same single-document write, under {@value #FIELD}. The write either happens with its
 * events or not at all; the {@link OutboxRelay} later moves them to the event log and removes them from the
 * document. Use {@link #record(Update, DomainEvent...)} for updates and upserts and
 * {@link #insert(MongoTemplate, Object, String, DomainEvent...)} for a document inserted together with its events.
 */
public final class Outbox {

    /** Where pending events live inside a document; never read by anything but the relay. */
    public static final String FIELD = "_outbox";

    private Outbox() {
    }

    /**
     * Adds the events to {@code update}: they are stored by the very write that applies it. Pass all events of one
     * write in one call — a second call on the same update is refused (MongoDB takes one {@code $push} per field).
     */
    public static Update record(Update update, DomainEvent... events) {
        if (update.getUpdateObject().get("$push") instanceof org.bson.Document push && push.containsKey(FIELD)) {
            throw new IllegalStateException("this update already records events: pass all of them in one call");
        }
        return update.push(FIELD).each((Object[]) documents(events).toArray());
    }

    /**
     * Inserts a mapped document (converted by the template's converter, as {@code MongoTemplate.insert(entity)} would
     * convert it; no lifecycle callbacks, auditing or generated ids — the entity must carry its id) with {@code events}
     * pending in its outbox: one write, so the events exist exactly when the document does.
     */
    public static void insert(MongoTemplate mongo, Object entity, String collection, DomainEvent... events) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        document.put(FIELD, documents(events));
        mongo.insert(document, collection);
    }

    private static List<Document> documents(DomainEvent... events) {
        return Arrays.stream(events).map(DomainEvent::toDocument).toList();
    }
}
