package com.cycube.notification.inbox;

import com.cycube.support.pagination.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** All MongoDB access to notifications: written once per event and recipient, read and marked by their recipient only. */
@Component
public class NotificationStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;

    public NotificationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores it unless it exists (the same event delivered again). */
    public boolean add(NotificationDocument notification) {
        try {
            mongo.insert(notification, NotificationDocument.COLLECTION);
            return true;
        } catch (DuplicateKeyException deliveredBefore) {
            return false;
        }
    }

    public List<NotificationDocument> page(String userId, boolean unreadOnly, PageRequest page) {
        return mongo.find(mine(userId, unreadOnly).with(NEWEST_FIRST).skip(page.offset()).limit(page.first() + 1),
                NotificationDocument.class, NotificationDocument.COLLECTION);
    }

    public long count(String userId, boolean unreadOnly) {
        return mongo.count(mine(userId, unreadOnly), NotificationDocument.class, NotificationDocument.COLLECTION);
    }

    /** Marks the user's unread notifications among {@code ids} (all of them when null) read; how many changed. */
    public long markRead(String userId, Collection<String> ids, Instant at) {
        Query query = mine(userId, true);
        if (ids != null) {
            query.addCriteria(Criteria.where("_id").in(ids));
        }
        return mongo.updateMulti(query, new Update().set("readAt", at).inc("revision", 1),
                NotificationDocument.COLLECTION).getModifiedCount();
    }

    public Optional<NotificationDocument> reread(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDocument.class, NotificationDocument.COLLECTION));
    }

    /** The newest notifications of these users (what a change stream without ids may have changed). */
    public List<NotificationDocument> recentOf(Set<String> userIds) {
        return mongo.find(Query.query(Criteria.where("userId").in(userIds)).with(NEWEST_FIRST).limit(100),
                NotificationDocument.class, NotificationDocument.COLLECTION);
    }

    private static Query mine(String userId, boolean unreadOnly) {
        Criteria criteria = Criteria.where("userId").is(userId);
        if (unreadOnly) {
            criteria = criteria.and("readAt").is(null);
        }
        return Query.query(criteria);
    }
}
