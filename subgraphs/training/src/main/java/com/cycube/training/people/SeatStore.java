package com.cycube.training.people;

import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The seat ledger's storage: one document per organization in {@code seats} with the users holding a seat and a
 * revision for compare-and-set. Callers pass the organization they already checked (the caller's own, or the
 * event's); every criterion names it.
 */
@Component
public class SeatStore {

    static final String COLLECTION = "seats";

    private final MongoTemplate mongo;

    public SeatStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The holders of an organization's seats and the ledger's revision (0: no ledger yet). */
    public record Ledger(List<String> holders, long revision) {
    }

    public Ledger ledger(String orgId) {
        Document ledger = mongo.findOne(Query.query(Criteria.where("_id").is(orgId).and("organizationId").is(orgId)),
                Document.class, COLLECTION);
        return ledger == null ? new Ledger(List.of(), 0)
                : new Ledger(List.copyOf(ledger.getList("holders", String.class, List.of())), ((Number) ledger.get("revision")).longValue());
    }

    /** Adds {@code newcomers} if the ledger is still at {@code revision}; false when somebody changed it first. */
    public boolean addHolders(String orgId, long revision, Collection<String> newcomers) {
        Query unchanged = Query.query(Criteria.where("_id").is(orgId).and("organizationId").is(orgId).and("revision").is(revision));
        Update update = new Update().addToSet("holders").each(newcomers.toArray()).set("revision", revision + 1);
        try {
            if (revision == 0) {
                return mongo.upsert(unchanged, update, COLLECTION).getUpsertedId() != null;
            }
            return mongo.updateFirst(unchanged, update, COLLECTION).getModifiedCount() > 0;
        } catch (DuplicateKeyException concurrentFirstClaim) {
            return false;
        }
    }
}
