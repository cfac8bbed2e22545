package com.cycube.identity.invitations;

import com.cycube.support.auth.Caller;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Every read and write of invitation documents, tenant-scoped except the acceptance at the invitee's first sign-in. */
@Component
public class InvitationStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"));

    private final TenantScopedMongo tenants;
    private final MongoTemplate mongo;

    public InvitationStore(TenantScopedMongo tenants, MongoTemplate mongo) {
        this.tenants = tenants;
        this.mongo = mongo;
    }

    public InvitationDocument get(Caller caller, String invitationId) {
        return tenants.getById(caller, Visibility.OWN_ORGANIZATION, invitationId, InvitationDocument.class, "Invitation");
    }

    public InvitationDocument insert(Caller caller, InvitationDocument invitation) {
        return tenants.insert(caller, invitation);
    }

    /**
     * A page of the organization's invitations with {@code status} as clients see it at {@code now} (EXPIRED is a
     * PENDING invitation past its expiry; null means any), newest first.
     */
    public Connection<InvitationDocument> list(Caller caller, String organizationId, InvitationStatus status, Instant now,
                                               PageRequest page) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("organizationId").is(organizationId));
        if (status == InvitationStatus.EXPIRED) {
            criteria.add(Criteria.where("status").is(InvitationStatus.PENDING).and("expiresAt").lte(now));
        } else if (status == InvitationStatus.PENDING) {
            criteria.add(Criteria.where("status").is(InvitationStatus.PENDING).and("expiresAt").gt(now));
        } else if (status != null) {
            criteria.add(Criteria.where("status").is(status));
        }
        Criteria all = new Criteria().andOperator(criteria);
        List<InvitationDocument> rows = tenants.find(caller, Visibility.OWN_ORGANIZATION, all, NEWEST_FIRST, page, InvitationDocument.class);
        return Connection.of(rows, page, tenants.count(caller, Visibility.OWN_ORGANIZATION, all, InvitationDocument.class));
    }

    /** Marks a PENDING (possibly expired) invitation REVOKED; empty when it is no longer pending. */
    public Optional<InvitationDocument> revokePending(Caller caller, String invitationId) {
        return tenants.update(caller, invitationId, Criteria.where("status").is(InvitationStatus.PENDING),
                new Update().set("status", InvitationStatus.REVOKED), InvitationDocument.class);
    }

    /**
     * Accepts the invitee's pending invitation at their first sign-in. System work by the token's subject (the
     * invitee has no tenant-scoped access before that moment), so with the plain MongoTemplate.
     */
    public void acceptPendingOf(String userId) {
        mongo.updateMulti(Query.query(Criteria.where("userId").is(userId).and("status").is(InvitationStatus.PENDING)),
                new Update().set("status", InvitationStatus.ACCEPTED), InvitationDocument.class);
    }

    /** Removes a deleted team from the organization's invitations. */
    public void forgetTeam(Caller caller, String organizationId, String teamId) {
        Criteria withTeam = new Criteria().andOperator(Criteria.where("organizationId").is(organizationId),
                Criteria.where("teamIds").is(teamId));
        mongo.updateMulti(tenants.scopedQuery(caller, Visibility.OWN_ORGANIZATION, withTeam), new Update().pull("teamIds", teamId),
                InvitationDocument.class);
    }
}
