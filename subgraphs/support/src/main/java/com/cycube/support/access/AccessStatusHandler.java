package com.cycube.support.access;

import com.cycube.support.auth.Role;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Every subgraph's copy of who may still use the platform, kept from identity's events in its own database
 * (collection {@value #COLLECTION}): per user, whether the account is active, its role and organization; per
 * organization, whether it is active. The highest {@code version} wins (docs/events.md), so a late, older snapshot
 * changes nothing and a redelivered one is a no-op.
 *
 * <p>A user is <em>watched</em> once a snapshot took something away — deactivated (or the invitation revoked; an
 * invited person who has not signed in yet is not refused, or they could never sign in), a lower role than one held
 * before, another organization — and stays watched: {@link AccessRevocations} keeps watched users and every organization in
 * memory and refuses tokens that claim more than they now have. Users who never lost anything are not held in memory.
 */
public class AccessStatusHandler implements EventHandler {

    /** The collection in the subgraph's own database. */
    public static final String COLLECTION = "access_status";

    static final String KIND = "kind";
    static final String ACTIVE = "active";
    static final String ROLE = "role";
    static final String HIGHEST_ROLE = "highestRole";
    static final String ORGANIZATION = "organizationId";
    static final String VERSION = "version";
    static final String WATCHED = "watched";
    static final String CHANGED_AT = "changedAt";
    static final String USER = "user";
    static final String ORGANIZATION_KIND = "organization";

    private final MongoTemplate mongo;
    private final String group;
    private final Clock clock;

    public AccessStatusHandler(MongoTemplate mongo, String service, Clock clock) {
        this.mongo = mongo;
        this.group = service + ".access-status";
        this.clock = clock;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(UserChanged.class, OrganizationChanged.class);
    }

    @Override
    public void handle(DomainEvent event) {
        if (event.is(UserChanged.class)) {
            applyUser(event.payloadAs(UserChanged.class), event.orgId());
        } else if (event.is(OrganizationChanged.class)) {
            applyOrganization(event.payloadAs(OrganizationChanged.class));
        }
    }

    private void applyUser(UserChanged user, String organizationId) {
        String id = userKey(user.userId());
        Document before = mongo.findById(id, Document.class, COLLECTION);
        if (before != null && before.get(VERSION, Number.class).longValue() >= user.versionOrZero()) {
            return;
        }
        Role role = Role.fromClaim(user.role()).orElse(null);
        Role highestBefore = before == null ? null : Role.fromClaim(before.getString(HIGHEST_ROLE)).orElse(null);
        boolean lowered = highestBefore != null && (role == null || !role.includes(highestBefore));
        boolean moved = before != null && !Objects.equals(before.getString(ORGANIZATION), organizationId);
        boolean watched = user.accessRemoved() || lowered || moved || (before != null && before.getBoolean(WATCHED, false));
        Role highest = highestBefore == null || (role != null && role.includes(highestBefore)) ? role : highestBefore;
        write(id, user.versionOrZero(), new Update()
                .set(KIND, USER)
                .set(ACTIVE, !user.accessRemoved())
                .set(ROLE, role == null ? null : role.name())
                .set(HIGHEST_ROLE, highest == null ? null : highest.name())
                .set(ORGANIZATION, organizationId)
                .set(WATCHED, watched));
    }

    private void applyOrganization(OrganizationChanged organization) {
        write(organizationKey(organization.organizationId()), organization.versionOrZero(), new Update()
                .set(KIND, ORGANIZATION_KIND)
                .set(ACTIVE, organization.active())
                .set(WATCHED, true));
    }

    /** Compare-and-set on the version: an upsert that meets a newer document fails on its id and is dropped. */
    private void write(String id, long version, Update update) {
        Query newer = new Query(Criteria.where("_id").is(id).orOperator(
                Criteria.where(VERSION).lt(version), Criteria.where(VERSION).exists(false)));
        try {
            mongo.upsert(newer, update.set(VERSION, version).set(CHANGED_AT, Date.from(clock.instant())), COLLECTION);
        } catch (DuplicateKeyException newerAlreadyThere) {
            // an equal or newer snapshot is stored: keep it
        }
    }

    static String userKey(String userId) {
        return USER + ":" + userId;
    }

    static String organizationKey(String organizationId) {
        return ORGANIZATION_KIND + ":" + organizationId;
    }
}
