package com.cycube.notification.webhooks;

import com.cycube.notification.webhooks.WebhookDeliveryDocument.Attempt;
import com.cycube.notification.webhooks.WebhookDeliveryDocument.Status;
import com.cycube.support.pagination.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Deliveries of events to endpoints: written once per endpoint and event, claimed by one instance at a time with a
 * lease, and their attempts recorded by the holder of that lease only.
 */
@Component
public class WebhookDeliveryStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));
    private static final Sort DUE_FIRST = Sort.by("nextAttemptAt", "_id");

    private final MongoTemplate mongo;

    public WebhookDeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores it unless it exists (the same event for the same endpoint, handed over again); true when stored now. */
    public boolean addIfAbsent(WebhookDeliveryDocument delivery) {
        try {
            mongo.insert(delivery, WebhookDeliveryDocument.COLLECTION);
            return true;
        } catch (DuplicateKeyException writtenBefore) {
            return false;
        }
    }

    /**
     * Claims the pending delivery due longest ago that no instance holds, skipping {@code fullEndpoints}: it is the
     * caller's until {@code leaseUntil}, under a token that its recording must present.
     */
    public Optional<WebhookDeliveryDocument> claimNextDue(Instant now, Instant leaseUntil, Collection<String> fullEndpoints) {
        Criteria due = Criteria.where("status").is(Status.PENDING).and("nextAttemptAt").lte(now)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lte(now));
        if (!fullEndpoints.isEmpty()) {
            due = due.and("endpointId").nin(fullEndpoints);
        }
        return Optional.ofNullable(mongo.findAndModify(Query.query(due).with(DUE_FIRST),
                new Update().set("leaseUntil", leaseUntil).set("leaseToken", UUID.randomUUID().toString()),
                FindAndModifyOptions.options().returnNew(true), WebhookDeliveryDocument.class,
                WebhookDeliveryDocument.COLLECTION));
    }

    public void delivered(WebhookDeliveryDocument claimed, Attempt attempt) {
        record(claimed, attempt, new Update().set("status", Status.DELIVERED).set("deliveredAt", attempt.at())
                .unset("nextAttemptAt"));
    }

    public void retryAt(WebhookDeliveryDocument claimed, Attempt attempt, Instant next) {
        record(claimed, attempt, new Update().set("nextAttemptAt", next));
    }

    public void failed(WebhookDeliveryDocument claimed, Attempt attempt) {
        record(claimed, attempt, new Update().set("status", Status.FAILED).unset("nextAttemptAt"));
    }

    private void record(WebhookDeliveryDocument claimed, Attempt attempt, Update outcome) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claimed.id()).and("leaseToken").is(claimed.leaseToken())),
                outcome.inc("attempts", 1).inc("roundAttempts", 1).set("lastAttemptAt", attempt.at())
                        .set("lastResponseStatus", attempt.responseStatus()).set("lastLatencyMs", attempt.latencyMs())
                        .set("lastError", attempt.error()).unset("leaseUntil").unset("leaseToken")
                        .push("recentAttempts").slice(-WebhookDeliveryDocument.REMEMBERED_ATTEMPTS).each(attempt),
                WebhookDeliveryDocument.COLLECTION);
    }

    /** Gives a claimed delivery back untouched, paused (its endpoint is disabled). */
    public void pauseClaimed(WebhookDeliveryDocument claimed) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claimed.id()).and("leaseToken").is(claimed.leaseToken())
                .and("status").is(Status.PENDING)), new Update().set("status", Status.PAUSED).unset("nextAttemptAt")
                .unset("leaseUntil").unset("leaseToken"), WebhookDeliveryDocument.COLLECTION);
    }

    /** Stops the endpoint's pending deliveries (kept, not lost). */
    public void pauseAll(String endpointId) {
        mongo.updateMulti(Query.query(Criteria.where("endpointId").is(endpointId).and("status").is(Status.PENDING)),
                new Update().set("status", Status.PAUSED).unset("nextAttemptAt"), WebhookDeliveryDocument.COLLECTION);
    }

    /** Resumes the endpoint's paused deliveries now, each with a new round of the retry schedule. */
    public void resumeAll(String endpointId, Instant now) {
        mongo.updateMulti(Query.query(Criteria.where("endpointId").is(endpointId).and("status").is(Status.PAUSED)),
                new Update().set("status", Status.PENDING).set("nextAttemptAt", now).set("roundAttempts", 0),
                WebhookDeliveryDocument.COLLECTION);
    }

    /**
     * Sends the organization's delivery again now, with a new round of the retry schedule; empty when it is unknown,
     * another organization's, or being sent at this moment.
     */
    public Optional<WebhookDeliveryDocument> redeliver(String organizationId, String id, Instant now) {
        Query idle = Query.query(Criteria.where("_id").is(id).and("organizationId").is(organizationId)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lte(now)));
        return Optional.ofNullable(mongo.findAndModify(idle, new Update().set("status", Status.PENDING)
                        .set("nextAttemptAt", now).set("roundAttempts", 0).unset("leaseUntil").unset("leaseToken"),
                FindAndModifyOptions.options().returnNew(true), WebhookDeliveryDocument.class,
                WebhookDeliveryDocument.COLLECTION));
    }

    public Optional<WebhookDeliveryDocument> of(String organizationId, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(id)
                .and("organizationId").is(organizationId)), WebhookDeliveryDocument.class, WebhookDeliveryDocument.COLLECTION));
    }

    public List<WebhookDeliveryDocument> page(String endpointId, Status status, PageRequest page) {
        return mongo.find(ofEndpoint(endpointId, status).with(NEWEST_FIRST).skip(page.offset()).limit(page.first() + 1),
                WebhookDeliveryDocument.class, WebhookDeliveryDocument.COLLECTION);
    }

    public long count(String endpointId, Status status) {
        return mongo.count(ofEndpoint(endpointId, status), WebhookDeliveryDocument.COLLECTION);
    }

    /** Forgets a claimed delivery whose endpoint was deleted meanwhile. */
    public void drop(WebhookDeliveryDocument claimed) {
        mongo.remove(Query.query(Criteria.where("_id").is(claimed.id())), WebhookDeliveryDocument.COLLECTION);
    }

    public void deleteAll(String endpointId) {
        mongo.remove(Query.query(Criteria.where("endpointId").is(endpointId)), WebhookDeliveryDocument.COLLECTION);
    }

    private static Query ofEndpoint(String endpointId, Status status) {
        Criteria criteria = Criteria.where("endpointId").is(endpointId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return Query.query(criteria);
    }
}
