package com.cycube.audit.signins;

import com.cycube.audit.trail.AuditEventDocument;
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
 * Which organization a Keycloak user belongs to, for the chain their sign-ins go to: the latest {@code
 * identity.UserChanged} snapshot of them (the event's organization; none for root), kept in {@code audit_users}; for
 * someone identity has told nothing about yet, the organization of their newest record in the trail (the
 * {@code org_id} claim of a token they used). Keycloak itself is not asked: the reader client may only view events.
 */
@Component
public class SignInDirectoryStore {

    public static final String COLLECTION = "audit_users";

    private final MongoTemplate mongo;

    public SignInDirectoryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What is known of a user: nothing (empty), or their organization (null inside: known to belong to none). */
    public record Membership(String organizationId) {
    }

    /** Keeps {@code organizationId} for {@code userId} unless a newer snapshot is stored (idempotent, any order). */
    public void remember(String userId, String organizationId, long version) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(userId).and("version").lte(version));
        try {
            mongo.upsert(olderOrMissing, new Update().set("organizationId", organizationId).set("version", version),
                    COLLECTION);
        } catch (DuplicateKeyException newerStored) {
            // a snapshot with a higher version is stored: it stays
        }
    }

    public Optional<Membership> membership(String userId) {
        Document user = mongo.findById(userId, Document.class, COLLECTION);
        if (user != null) {
            return Optional.of(new Membership(user.getString("organizationId")));
        }
        Document newest = mongo.findOne(Query.query(Criteria.where("actor").is(userId).and("organizationId").ne(null))
                .with(Sort.by(Sort.Direction.DESC, "time")).limit(1), Document.class, AuditEventDocument.COLLECTION);
        return newest == null ? Optional.empty() : Optional.of(new Membership(newest.getString("organizationId")));
    }
}
