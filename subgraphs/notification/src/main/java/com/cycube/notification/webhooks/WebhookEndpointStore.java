package com.cycube.notification.webhooks;

import com.cycube.support.pagination.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Organizations' webhook endpoints; everything a caller reaches is looked up with their organization. */
@Component
public class WebhookEndpointStore {

    private static final Sort OLDEST_FIRST = Sort.by("createdAt", "_id");

    private final MongoTemplate mongo;

    public WebhookEndpointStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void add(WebhookEndpointDocument endpoint) {
        mongo.insert(endpoint, WebhookEndpointDocument.COLLECTION);
    }

    /** The organization's endpoint; empty for an unknown id or another organization's. */
    public Optional<WebhookEndpointDocument> of(String organizationId, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(id)
                .and("organizationId").is(organizationId)), WebhookEndpointDocument.class, WebhookEndpointDocument.COLLECTION));
    }

    /** For the delivery worker, which acts for every organization. */
    public Optional<WebhookEndpointDocument> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookEndpointDocument.class, WebhookEndpointDocument.COLLECTION));
    }

    public List<WebhookEndpointDocument> page(String organizationId, PageRequest page) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId)).with(OLDEST_FIRST)
                .skip(page.offset()).limit(page.first() + 1), WebhookEndpointDocument.class, WebhookEndpointDocument.COLLECTION);
    }

    public long count(String organizationId) {
        return mongo.count(Query.query(Criteria.where("organizationId").is(organizationId)), WebhookEndpointDocument.COLLECTION);
    }

    /** The organization's enabled endpoints subscribed to {@code eventType} that existed when the event happened. */
    public List<WebhookEndpointDocument> subscribers(String organizationId, String eventType, Instant occurredAt) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId).and("enabled").is(true)
                        .and("eventTypes").is(eventType).and("createdAt").lte(occurredAt)),
                WebhookEndpointDocument.class, WebhookEndpointDocument.COLLECTION);
    }

    /** Applies {@code update} to the organization's endpoint; the endpoint after it, empty when there is none. */
    public Optional<WebhookEndpointDocument> change(String organizationId, String id, Update update) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("_id").is(id)
                        .and("organizationId").is(organizationId)), update, FindAndModifyOptions.options().returnNew(true),
                WebhookEndpointDocument.class, WebhookEndpointDocument.COLLECTION));
    }

    public boolean delete(String organizationId, String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("organizationId").is(organizationId)),
                WebhookEndpointDocument.COLLECTION).getDeletedCount() == 1;
    }

    public void succeeded(String id, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).orOperator(Criteria.where("lastSuccessAt").is(null),
                Criteria.where("lastSuccessAt").lt(at))), new Update().set("lastSuccessAt", at),
                WebhookEndpointDocument.COLLECTION);
    }

    /** Disables the endpoint unless it is disabled already or delivered something since {@code since}; true if now. */
    public boolean disableFailing(String id, Instant since, String reason, Instant at) {
        Query enabledWithoutSuccess = Query.query(Criteria.where("_id").is(id).and("enabled").is(true)
                .orOperator(Criteria.where("lastSuccessAt").is(null), Criteria.where("lastSuccessAt").lt(since)));
        return mongo.updateFirst(enabledWithoutSuccess, new Update().set("enabled", false).set("disabledReason", reason)
                .set("disabledAt", at), WebhookEndpointDocument.COLLECTION).getModifiedCount() == 1;
    }
}
