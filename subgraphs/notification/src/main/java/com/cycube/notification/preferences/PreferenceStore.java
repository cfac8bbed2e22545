package com.cycube.notification.preferences;

import com.cycube.notification.inbox.NotificationKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Each user's choices, one document per user ({@code _id} the user id), kinds they never changed absent. */
@Component
public class PreferenceStore {

    static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;

    public PreferenceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every kind, the user's choice where they made one, the default elsewhere, in the kinds' order. */
    public List<NotificationPreference> of(String userId) {
        Document stored = mongo.findById(userId, Document.class, COLLECTION);
        Document kinds = stored == null ? new Document() : stored.get("kinds", new Document());
        List<NotificationPreference> result = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            Document choice = kinds.get(kind.name(), Document.class);
            NotificationPreference fallback = NotificationPreference.defaultFor(kind);
            result.add(choice == null ? fallback : new NotificationPreference(kind,
                    choice.getBoolean("inApp", fallback.inApp()), choice.getBoolean("email", fallback.email())));
        }
        return result;
    }

    public NotificationPreference of(String userId, NotificationKind kind) {
        return of(userId).get(kind.ordinal());
    }

    /** Stops e-mails of one kind (one-click unsubscribe); the in-app choice stays as it was. */
    public void stopEmail(String userId, NotificationKind kind) {
        NotificationPreference current = of(userId, kind);
        save(userId, List.of(new NotificationPreference(kind, current.inApp(), false)));
    }

    public void save(String userId, Collection<NotificationPreference> choices) {
        Update update = new Update();
        for (NotificationPreference choice : choices) {
            update.set("kinds." + choice.kind().name(), new Document("inApp", choice.inApp()).append("email", choice.email()));
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)), update, COLLECTION);
    }
}
