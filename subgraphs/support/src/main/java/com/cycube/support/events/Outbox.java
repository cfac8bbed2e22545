package com.cycube.support.events;

import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The transactional outbox without transactions: an event is stored <em>inside the document whose change it
 * reports</em>, in the same single-document write, under {@value #FIELD}. The write either happens with its
 * events or not at all; the {@link OutboxRelay} later moves them to the event log and removes them from the
 * document. Use {@link #record(Update, DomainEvent...)} for updates and upserts and {@link #field(DomainEvent...)}
 * to put events into a document that is being inserted.
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

    /** The value of {@value #FIELD} for a document that is inserted together with its events. */
    public static List<Document> field(DomainEvent... events) {
        return documents(events);
    }

    private static List<Document> documents(DomainEvent... events) {
        return Arrays.stream(events).map(DomainEvent::toDocument).toList();
    }
}
