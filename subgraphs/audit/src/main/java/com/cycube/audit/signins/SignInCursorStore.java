package com.cycube.audit.signins;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The cursor of each of Keycloak's event streams, one document per stream, in audit's database (survives restarts). */
@Component
public class SignInCursorStore {

    public static final String COLLECTION = "audit_keycloak_cursors";

    private final MongoTemplate mongo;

    public SignInCursorStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public SignInCursor cursor(EventStream stream) {
        Document document = mongo.findById(stream.id(), Document.class, COLLECTION);
        if (document == null) {
            return SignInCursor.START;
        }
        List<SignInCursor.Seen> recent = document.getList("recent", Document.class, List.of()).stream()
                .map(seen -> new SignInCursor.Seen(seen.getString("id"), seen.get("time", Number.class).longValue()))
                .toList();
        Date caughtUpAt = document.getDate("caughtUpAt");
        return new SignInCursor(document.get("time", Number.class).longValue(), recent,
                caughtUpAt == null ? null : caughtUpAt.toInstant());
    }

    public void save(EventStream stream, SignInCursor cursor) {
        List<Document> recent = cursor.recent().stream()
                .map(seen -> new Document("id", seen.id()).append("time", seen.time())).toList();
        mongo.upsert(Query.query(Criteria.where("_id").is(stream.id())), new Update()
                .set("time", cursor.time())
                .set("recent", recent)
                .set("caughtUpAt", cursor.caughtUpAt() == null ? null : Date.from(cursor.caughtUpAt())), COLLECTION);
    }

    /** When a read last reached the end of {@code stream}, null if never. */
    public Instant caughtUpAt(EventStream stream) {
        return cursor(stream).caughtUpAt();
    }
}
