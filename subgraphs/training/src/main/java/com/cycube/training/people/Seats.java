package com.cycube.training.people;

import com.cycube.support.errors.DomainException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The seat ledger: per organization, the distinct users holding enrollments ({@code seats} collection, one document
 * per organization). Every path that creates an enrollment claims seats here first, with a compare-and-set on the
 * ledger's revision, so concurrent enrollments can never together exceed the organization's {@code seatLimit}
 * (from {@code identity.OrganizationChanged}; unknown = no limit). A refused claim writes nothing.
 *
 * <p>Uses {@link MongoTemplate}: callers pass the organization they already checked (the caller's own, or the
 * event's), and every criterion names it.
 */
@Component
public class Seats {

    static final String COLLECTION = "seats";
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final PeopleStore people;

    public Seats(MongoTemplate mongo, PeopleStore people) {
        this.mongo = mongo;
        this.people = people;
    }

    /** Makes sure every user in {@code userIds} holds a seat of {@code orgId}; CONFLICT (nothing written) if they cannot. */
    public void claim(String orgId, Collection<String> userIds) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document ledger = mongo.findOne(Query.query(Criteria.where("_id").is(orgId).and("organizationId").is(orgId)),
                    Document.class, COLLECTION);
            List<String> holders = ledger == null ? List.of() : ledger.getList("holders", String.class, List.of());
            long revision = ledger == null ? 0 : ((Number) ledger.get("revision")).longValue();
            Set<String> newcomers = new LinkedHashSet<>(userIds);
            newcomers.removeAll(holders);
            if (newcomers.isEmpty()) {
                return;
            }
            Optional<Integer> limit = people.seatLimit(orgId);
            if (limit.isPresent() && holders.size() + newcomers.size() > limit.get()) {
                throw DomainException.conflict("Not enough seats: the organization has " + limit.get() + " seats, "
                        + holders.size() + " are taken and this needs " + newcomers.size() + " more");
            }
            if (write(orgId, revision, newcomers)) {
                return;
            }
        }
        throw DomainException.unavailable("Seats are being changed concurrently; try again");
    }

    /** The users holding a seat of {@code orgId}. */
    public List<String> holders(String orgId) {
        Document ledger = mongo.findOne(Query.query(Criteria.where("_id").is(orgId)), Document.class, COLLECTION);
        return ledger == null ? List.of() : new ArrayList<>(ledger.getList("holders", String.class, List.of()));
    }

    private boolean write(String orgId, long revision, Set<String> newcomers) {
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
