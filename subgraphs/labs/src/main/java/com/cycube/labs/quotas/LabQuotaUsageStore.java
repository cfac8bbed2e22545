package com.cycube.labs.quotas;

import com.cycube.support.auth.Caller;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every read and write of {@value #COLLECTION} ({@link LabQuotaUsageDocument}): taking a place is one conditional
 * single-document write, so however many launches race, never more places are held than the quota allows — no
 * multi-document transaction needed. Requests take places with the caller's tenant scope; the platform (lab ends,
 * the reaper) gives them back pinned to the lab's organization.
 */
@Component
public class LabQuotaUsageStore {

    public static final String COLLECTION = "lab_quota_usage";

    /** What an attempt to take a place found. */
    public enum Outcome {
        /** The place is the lab's. */
        TAKEN,
        /** Every place is held. */
        FULL,
        /** A launch for the same trainee and cube holds a place: that launch is storing its lab right now. */
        SAME_CUBE_LAUNCHING,
        /** A place was given back between the attempt and the look: try again. */
        CHANGED
    }

    private final TenantScopedMongo scoped;
    private final MongoTemplate mongo;

    public LabQuotaUsageStore(TenantScopedMongo scoped, MongoTemplate mongo) {
        this.scoped = scoped;
        this.mongo = mongo;
    }

    public boolean exists(String organizationId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(organizationId)), COLLECTION);
    }

    /** Creates the organization's usage with {@code holders} unless it exists (then nothing changes). */
    public void createIfMissing(String organizationId, List<LabQuotaUsageDocument.Holder> holders) {
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(organizationId)), new Update()
                    .setOnInsert("organizationId", organizationId)
                    .setOnInsert("holders", holders.stream().map(LabQuotaUsageStore::toDocument).toList()), COLLECTION);
        } catch (DuplicateKeyException created) {
            // a concurrent first launch created it: exactly what was wanted
        }
    }

    /**
     * Takes a place for {@code holder} if fewer than {@code limit} are held and no launch for the same trainee and cube
     * holds one — in one conditional {@code $push}. The organization's usage must exist ({@link #createIfMissing}).
     */
    public Outcome take(Caller caller, String organizationId, LabQuotaUsageDocument.Holder holder, int limit) {
        if (limit <= 0) {
            return Outcome.FULL;
        }
        TenantScopedMongo.assertWritable(caller, organizationId);
        Criteria free = Criteria.where("_id").is(organizationId)
                .and("holders." + (limit - 1)).exists(false)           // fewer than limit held
                .and("holders.activeKey").ne(holder.activeKey());      // and not by a launch of the same cube
        long taken = mongo.updateFirst(scoped.scopedQuery(caller, Visibility.OWN_ORGANIZATION, free),
                new Update().push("holders", toDocument(holder)), COLLECTION).getModifiedCount();
        if (taken == 1) {
            return Outcome.TAKEN;
        }
        List<LabQuotaUsageDocument.Holder> holders = find(organizationId).map(LabQuotaUsageDocument::holders).orElse(List.of());
        if (holders.stream().anyMatch(held -> holder.activeKey().equals(held.activeKey()))) {
            return Outcome.SAME_CUBE_LAUNCHING;
        }
        return holders.size() >= limit ? Outcome.FULL : Outcome.CHANGED;
    }

    /** Gives back the places of {@code labIds} (idempotent: a place not held changes nothing). */
    public void giveBack(String organizationId, Collection<String> labIds) {
        if (labIds.isEmpty()) {
            return;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(organizationId)),
                new Update().pull("holders", new Document("labId", new Document("$in", List.copyOf(labIds)))), COLLECTION);
    }

    public Optional<LabQuotaUsageDocument> find(String organizationId) {
        return Optional.ofNullable(mongo.findById(organizationId, LabQuotaUsageDocument.class, COLLECTION));
    }

    /** Up to {@code limit} organizations' usages holding places, in id order after {@code afterId} (null: from the start). */
    public List<LabQuotaUsageDocument> holdingAfter(String afterId, int limit) {
        Criteria holding = Criteria.where("holders.0").exists(true);
        if (afterId != null) {
            holding = holding.and("_id").gt(afterId);
        }
        return mongo.find(Query.query(holding).with(Sort.by("_id")).limit(limit), LabQuotaUsageDocument.class, COLLECTION);
    }

    private static Document toDocument(LabQuotaUsageDocument.Holder holder) {
        return new Document("labId", holder.labId()).append("activeKey", holder.activeKey()).append("at", Date.from(holder.at()));
    }
}
