package com.cycube.identity.teams;

import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.persistence.OptimisticRetry;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every read and write of team documents, tenant-scoped: another organization's team is NOT_FOUND or absent. Each
 * write carries the team's {@code identity.TeamChanged} snapshot in the same single-document write; changes are
 * compare-and-set on the snapshot's fields and {@code snapshotVersion} (re-read and re-decided through
 * {@link OptimisticRetry} when someone changed the team meanwhile), and set {@code snapshotVersion} to the read one
 * + 1, the snapshot's {@code version}. A deleted team is kept as a tombstone ({@code deletedAt}) that carries its
 * last snapshot, and is absent from every read here — never replaced wholesale, never removed.
 */
@Component
public class TeamStore {

    private static final Sort BY_NAME = Sort.by("name", "_id");

    private final TenantScopedMongo tenants;
    private final MongoTemplate mongo;
    private final Clock clock;

    public TeamStore(TenantScopedMongo tenants, MongoTemplate mongo, Clock clock) {
        this.tenants = tenants;
        this.mongo = mongo;
        this.clock = clock;
    }

    public TeamDocument get(Caller caller, String teamId) {
        return tenants.find(caller, Visibility.OWN_ORGANIZATION, existing(Criteria.where("_id").is(teamId)), Sort.unsorted(),
                        null, TeamDocument.class).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("Team", teamId));
    }

    /** The teams with these ids that the caller may see, by id. */
    public Map<String, TeamDocument> byIds(Caller caller, Collection<String> ids) {
        return tenants.find(caller, Visibility.OWN_ORGANIZATION, existing(Criteria.where("_id").in(ids)), Sort.unsorted(),
                        null, TeamDocument.class).stream()
                .collect(Collectors.toMap(TeamDocument::id, Function.identity()));
    }

    /** A page of the organization's teams, by name. */
    public Connection<TeamDocument> ofOrganization(Caller caller, String organizationId, PageRequest page) {
        Criteria ofOrganization = existing(Criteria.where("organizationId").is(organizationId));
        List<TeamDocument> rows = tenants.find(caller, Visibility.OWN_ORGANIZATION, ofOrganization, BY_NAME, page, TeamDocument.class);
        return Connection.of(rows, page, tenants.count(caller, Visibility.OWN_ORGANIZATION, ofOrganization, TeamDocument.class));
    }

    /** The teams directly below {@code teamId}, by name. */
    public List<TeamDocument> children(Caller caller, String teamId) {
        return tenants.find(caller, Visibility.OWN_ORGANIZATION, existing(Criteria.where("parentId").is(teamId)), BY_NAME, null,
                TeamDocument.class);
    }

    public boolean hasChildren(Caller caller, String teamId) {
        return tenants.count(caller, Visibility.OWN_ORGANIZATION, existing(Criteria.where("parentId").is(teamId)),
                TeamDocument.class) > 0;
    }

    /** The parent links of all the organization's teams. */
    public TeamHierarchy hierarchyOf(Caller caller, String organizationId) {
        Map<String, String> parentOf = new HashMap<>(); // a top-level team's parent is null, which toMap refuses
        tenants.find(caller, Visibility.OWN_ORGANIZATION, existing(Criteria.where("organizationId").is(organizationId)), BY_NAME,
                null, TeamDocument.class).forEach(team -> parentOf.put(team.id(), team.parentId()));
        return new TeamHierarchy(parentOf);
    }

    /** Inserts a new team with its first snapshot (version 1), occurred when it was created. */
    public TeamDocument insert(Caller caller, TeamDocument team) {
        TenantScopedMongo.assertWritable(caller, team.organizationId());
        TeamDocument first = team.withSnapshotVersion(1L);
        Outbox.insert(mongo, first, TeamDocument.COLLECTION, TeamEvents.changed(first, first.createdAt()));
        return first;
    }

    /**
     * Reads the team, lets {@code decide} work out the team after the change (empty: nothing to change, it is
     * answered as is; an exception refuses it), and stores it with its snapshot if it is still as read — otherwise
     * reads and decides again. A deleted team is NOT_FOUND.
     */
    public TeamDocument change(Caller caller, String teamId, Function<TeamDocument, Optional<TeamDocument>> decide) {
        return OptimisticRetry.until("The team", () -> {
            TeamDocument current = get(caller, teamId);
            Optional<TeamDocument> next = decide.apply(current);
            return next.isEmpty() ? Optional.of(current) : compareAndSet(caller, current, next.get());
        });
    }

    /** Writes name, parent and deletion of {@code next} with its snapshot, only while the stored team is still {@code read}. */
    private Optional<TeamDocument> compareAndSet(Caller caller, TeamDocument read, TeamDocument next) {
        long version = read.nextSnapshotVersion();
        Update update = new Update().set("name", next.name()).set("parentId", next.parentId()).set("snapshotVersion", version);
        if (next.deletedAt() != null) {
            update.set("deletedAt", next.deletedAt());
        }
        Outbox.record(update, TeamEvents.changed(next.withSnapshotVersion(version), clock.instant()));
        Criteria unchanged = new Criteria().andOperator(
                Criteria.where("name").is(read.name()),
                Criteria.where("parentId").is(read.parentId()),
                Criteria.where("deletedAt").is(null),
                Criteria.where("snapshotVersion").is(read.snapshotVersion()));
        return tenants.update(caller, read.id(), unchanged, update, TeamDocument.class);
    }

    /** {@code criteria} limited to teams that were not deleted. */
    private static Criteria existing(Criteria criteria) {
        return new Criteria().andOperator(criteria, Criteria.where("deletedAt").is(null));
    }
}
