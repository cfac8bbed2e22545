package com.cycube.identity.teams;

import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Every read and write of team documents, tenant-scoped: another organization's team is NOT_FOUND or absent. */
@Component
public class TeamStore {

    private static final Sort BY_NAME = Sort.by("name", "_id");

    private final TenantScopedMongo tenants;

    public TeamStore(TenantScopedMongo tenants) {
        this.tenants = tenants;
    }

    public TeamDocument get(Caller caller, String teamId) {
        return tenants.getById(caller, Visibility.OWN_ORGANIZATION, teamId, TeamDocument.class, "Team");
    }

    /** The teams with these ids that the caller may see, by id. */
    public Map<String, TeamDocument> byIds(Caller caller, Collection<String> ids) {
        return tenants.findAllById(caller, Visibility.OWN_ORGANIZATION, ids, TeamDocument.class).stream()
                .collect(Collectors.toMap(TeamDocument::id, Function.identity()));
    }

    /** A page of the organization's teams, by name. */
    public Connection<TeamDocument> ofOrganization(Caller caller, String organizationId, PageRequest page) {
        Criteria ofOrganization = Criteria.where("organizationId").is(organizationId);
        List<TeamDocument> rows = tenants.find(caller, Visibility.OWN_ORGANIZATION, ofOrganization, BY_NAME, page, TeamDocument.class);
        return Connection.of(rows, page, tenants.count(caller, Visibility.OWN_ORGANIZATION, ofOrganization, TeamDocument.class));
    }

    /** The teams directly below {@code teamId}, by name. */
    public List<TeamDocument> children(Caller caller, String teamId) {
        return tenants.find(caller, Visibility.OWN_ORGANIZATION, Criteria.where("parentId").is(teamId), BY_NAME, null, TeamDocument.class);
    }

    public boolean hasChildren(Caller caller, String teamId) {
        return tenants.count(caller, Visibility.OWN_ORGANIZATION, Criteria.where("parentId").is(teamId), TeamDocument.class) > 0;
    }

    /** The parent links of all the organization's teams. */
    public TeamHierarchy hierarchyOf(Caller caller, String organizationId) {
        Map<String, String> parentOf = new HashMap<>(); // a top-level team's parent is null, which toMap refuses
        tenants.find(caller, Visibility.OWN_ORGANIZATION, Criteria.where("organizationId").is(organizationId), BY_NAME, null,
                TeamDocument.class).forEach(team -> parentOf.put(team.id(), team.parentId()));
        return new TeamHierarchy(parentOf);
    }

    public TeamDocument insert(Caller caller, TeamDocument team) {
        return tenants.insert(caller, team);
    }

    public TeamDocument rename(Caller caller, String teamId, String name) {
        return update(caller, teamId, new Update().set("name", name));
    }

    /** Puts the team under {@code parentId}; null makes it a top-level team. */
    public TeamDocument move(Caller caller, String teamId, String parentId) {
        return update(caller, teamId, new Update().set("parentId", parentId));
    }

    public void delete(Caller caller, String teamId) {
        tenants.delete(caller, teamId, TeamDocument.class);
    }

    private TeamDocument update(Caller caller, String teamId, Update update) {
        return tenants.update(caller, teamId, null, update, TeamDocument.class)
                .orElseThrow(() -> DomainException.notFound("Team", teamId));
    }
}
