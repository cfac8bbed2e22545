package com.cycube.identity.users;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.persistence.OptimisticRetry;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every read and write of user documents. Each write carries the user's {@code identity.UserChanged} snapshot in
 * the same single-document write. Memberships live in the user document ({@code teamIds}), so team membership
 * changes are user writes too. Changes are compare-and-set on every field the write sets and on
 * {@code snapshotVersion} (re-read and re-decided through {@link OptimisticRetry} when someone else changed the user
 * meanwhile), so a snapshot never carries a value another write has already replaced, and each write sets
 * {@code snapshotVersion} to the read one + 1 — the snapshot's {@code version}, strictly increasing per user. User
 * documents are never replaced wholesale (that would drop pending events) and never deleted. Revoked invitees
 * ({@link UserStatus#REVOKED}) are absent from every read.
 */
@Component
public class UserStore {

    private static final Sort BY_NAME = Sort.by("displayName", "_id");
    /** How many members of a batch of teams {@link #membersOfTeams} reads in one query. */
    static final int TEAMS_READ_AT_ONCE = 1_000;

    private final TenantScopedMongo tenants;
    private final MongoTemplate mongo;
    private final Clock clock;

    public UserStore(TenantScopedMongo tenants, MongoTemplate mongo, Clock clock) {
        this.tenants = tenants;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * The calling person's own document by the token's subject, with the plain MongoTemplate: before the first
     * sign-in there may be no document, and the subject — not the tenant — is what identifies it. Revoked included.
     */
    public Optional<UserDocument> findBySubject(String subject) {
        return Optional.ofNullable(mongo.findById(subject, UserDocument.class));
    }

    /** A user of an organization the caller may see; another tenant's (or a revoked invitee) is NOT_FOUND. */
    public UserDocument get(Caller caller, String userId) {
        return present(tenants.getById(caller, Visibility.OWN_ORGANIZATION, userId, UserDocument.class, "User"), userId);
    }

    /** The users with these ids that the caller may see (their organization's and the platform staff), by id. */
    public Map<String, UserDocument> byIds(Caller caller, Collection<String> ids) {
        return tenants.findAllById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, ids, UserDocument.class).stream()
                .filter(user -> user.status() != UserStatus.REVOKED)
                .collect(Collectors.toMap(UserDocument::id, Function.identity()));
    }

    /** A page of the organization's members matching {@code filter}, by display name. */
    public Connection<UserDocument> members(Caller caller, String organizationId, MemberFilter filter, PageRequest page) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("organizationId").is(organizationId));
        criteria.add(Criteria.where("status").ne(UserStatus.REVOKED));
        if (filter != null && filter.teamId() != null) {
            criteria.add(Criteria.where("teamIds").is(filter.teamId()));
        }
        if (filter != null && filter.role() != null) {
            criteria.add(Criteria.where("role").is(filter.role()));
        }
        if (filter != null && filter.status() != null) {
            criteria.add(Criteria.where("status").is(filter.status()));
        }
        Criteria all = new Criteria().andOperator(criteria);
        List<UserDocument> rows = tenants.find(caller, Visibility.OWN_ORGANIZATION, all, BY_NAME, page, UserDocument.class);
        return Connection.of(rows, page, tenants.count(caller, Visibility.OWN_ORGANIZATION, all, UserDocument.class));
    }

    /**
     * Pages of the direct members of several teams — what {@link #members} with a team filter answers for each — read
     * with one query when the teams have at most {@value #TEAMS_READ_AT_ONCE} members together (the usual case: a
     * dashboard of an organization's teams); larger teams are read page by page, two queries each.
     */
    public Map<TeamMembersDataLoader.TeamPage, Connection<UserDocument>> membersOfTeams(
            Caller caller, Collection<TeamMembersDataLoader.TeamPage> pages) {
        Set<String> organizations = pages.stream().map(TeamMembersDataLoader.TeamPage::organizationId).collect(Collectors.toSet());
        Set<String> teams = pages.stream().map(TeamMembersDataLoader.TeamPage::teamId).collect(Collectors.toSet());
        Criteria inTeams = new Criteria().andOperator(Criteria.where("organizationId").in(organizations),
                Criteria.where("status").ne(UserStatus.REVOKED), Criteria.where("teamIds").in(teams));
        List<UserDocument> all = tenants.findAtMost(caller, Visibility.OWN_ORGANIZATION, inTeams, BY_NAME,
                TEAMS_READ_AT_ONCE + 1, UserDocument.class);
        Map<TeamMembersDataLoader.TeamPage, Connection<UserDocument>> result = new HashMap<>();
        if (all.size() > TEAMS_READ_AT_ONCE) {
            for (TeamMembersDataLoader.TeamPage key : pages) {
                result.put(key, members(caller, key.organizationId(), MemberFilter.ofTeam(key.teamId()), key.page()));
            }
            return result;
        }
        for (TeamMembersDataLoader.TeamPage key : pages) {
            List<UserDocument> ofTeam = all.stream()
                    .filter(user -> user.organizationId().equals(key.organizationId()) && user.teamIds().contains(key.teamId()))
                    .toList();
            PageRequest page = key.page();
            int from = Math.min(page.offset(), ofTeam.size());
            int to = (int) Math.min((long) page.offset() + page.first() + 1, ofTeam.size());
            result.put(key, Connection.of(ofTeam.subList(from, to), page, ofTeam.size()));
        }
        return result;
    }

    /** Every user of the organization who is a direct member of the team. */
    public List<UserDocument> membersOfTeam(Caller caller, String organizationId, String teamId) {
        Criteria inTeam = new Criteria().andOperator(Criteria.where("organizationId").is(organizationId),
                Criteria.where("teamIds").is(teamId));
        return tenants.find(caller, Visibility.OWN_ORGANIZATION, inTeam, Sort.by("_id"), null, UserDocument.class);
    }

    /**
     * The ids of the organization's users who can sign in unless their organization is deactivated: active and
     * invited (a deactivated member stays disabled whatever the organization does).
     */
    public List<String> idsOfMembersWithAccounts(Caller caller, String organizationId) {
        Criteria withAccounts = Criteria.where("organizationId").is(organizationId).and("status").in(UserStatus.ACTIVE, UserStatus.INVITED);
        return tenants.find(caller, Visibility.OWN_ORGANIZATION, withAccounts, Sort.by("_id"), null, UserDocument.class)
                .stream().map(UserDocument::id).toList();
    }

    public long countActiveManagers(Caller caller, String organizationId) {
        return tenants.count(caller, Visibility.OWN_ORGANIZATION, Criteria.where("organizationId").is(organizationId)
                .and("role").is(Role.MANAGER).and("status").is(UserStatus.ACTIVE), UserDocument.class);
    }

    /** Users holding a seat: active and invited ({@link UserStatus#holdsSeat()}). */
    public long countSeatHolders(Caller caller, String organizationId) {
        return tenants.count(caller, Visibility.OWN_ORGANIZATION, Criteria.where("organizationId").is(organizationId)
                .and("status").in(UserStatus.ACTIVE, UserStatus.INVITED), UserDocument.class);
    }

    /**
     * Whether a (non-revoked) user has this e-mail address in any organization. Addresses are unique across the
     * platform (one Keycloak realm), so this looks at every organization with the plain MongoTemplate; it answers
     * only yes or no.
     */
    public boolean emailInUse(String address) {
        return mongo.exists(Query.query(Criteria.where("email").is(address).and("status").ne(UserStatus.REVOKED)),
                UserDocument.class);
    }

    /**
     * Inserts a new user (invited, or created at first sign-in) with version 1 and its first snapshot.
     * {@code caller} null means a system write (first sign-in: the document of the token's subject).
     */
    public UserDocument insert(Caller caller, UserDocument user) {
        if (caller != null) {
            TenantScopedMongo.assertWritable(caller, user.organizationId());
        }
        UserDocument first = user.withSnapshotVersion(1L);
        Outbox.insert(mongo, first, UserDocument.COLLECTION, UserEvents.written(null, first, clock.instant()));
        return first;
    }

    /**
     * Reads the user, lets {@code decide} work out the user after the change (empty: nothing to change, the user is
     * answered as is; an exception refuses it), and stores it with its snapshot if the user is still as read —
     * otherwise reads and decides again. {@code caller} null means a system write (first sign-in: the caller's own
     * document by the token's subject) with the plain MongoTemplate.
     */
    public UserDocument change(Caller caller, String userId, Function<UserDocument, Optional<UserDocument>> decide) {
        return OptimisticRetry.until("The member", () -> {
            UserDocument current = read(caller, userId);
            Optional<UserDocument> next = decide.apply(current);
            return next.isEmpty() ? Optional.of(current) : compareAndSet(caller, current, next.get());
        });
    }

    private UserDocument read(Caller caller, String userId) {
        if (caller == null) {
            return present(mongo.findById(userId, UserDocument.class), userId);
        }
        return get(caller, userId);
    }

    private static UserDocument present(UserDocument user, String userId) {
        if (user == null || user.status() == UserStatus.REVOKED) {
            throw DomainException.notFound("User", userId);
        }
        return user;
    }

    /** Writes every changeable field of {@code next} with its snapshot, only while the stored user is still {@code read}. */
    private Optional<UserDocument> compareAndSet(Caller caller, UserDocument read, UserDocument next) {
        long version = read.nextSnapshotVersion();
        Update update = new Update().set("snapshotVersion", version);
        setOrUnset(update, "email", next.email());
        setOrUnset(update, "displayName", next.displayName());
        setOrUnset(update, "locale", next.locale());
        setOrUnset(update, "role", next.role());
        setOrUnset(update, "status", next.status());
        update.set("teamIds", next.teamIds());
        setOrUnset(update, "firstSignInAt", next.firstSignInAt());
        Outbox.record(update, UserEvents.written(read, next.withSnapshotVersion(version), clock.instant()));
        Criteria unchanged = new Criteria().andOperator(
                Criteria.where("email").is(read.email()),
                Criteria.where("displayName").is(read.displayName()),
                Criteria.where("locale").is(read.locale()),
                Criteria.where("role").is(read.role() == null ? null : read.role().name()),
                Criteria.where("status").is(read.status() == null ? null : read.status().name()),
                Criteria.where("teamIds").is(read.teamIds()),
                Criteria.where("firstSignInAt").is(read.firstSignInAt()),
                Criteria.where("snapshotVersion").is(read.snapshotVersion()));
        if (caller == null) {
            return Optional.ofNullable(mongo.findAndModify(Query.query(new Criteria().andOperator(
                            Criteria.where("_id").is(read.id()), unchanged)), update,
                    FindAndModifyOptions.options().returnNew(true), UserDocument.class));
        }
        return tenants.update(caller, read.id(), unchanged, update, UserDocument.class);
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }
}
