package com.cycube.identity.teams;

import com.cycube.identity.Names;
import com.cycube.identity.invitations.InvitationDocument;
import com.cycube.identity.organizations.OrganizationService;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UserWrites;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Teams and team memberships: managers of the organization (and root) change them; members read them. */
@Service
public class TeamService {

    private static final Sort BY_NAME = Sort.by("name", "_id");

    private final TenantScopedMongo tenants;
    private final MongoTemplate mongo;
    private final OrganizationService organizations;
    private final UserWrites userWrites;
    private final Clock clock;

    public TeamService(TenantScopedMongo tenants, MongoTemplate mongo, OrganizationService organizations,
                       UserWrites userWrites, Clock clock) {
        this.tenants = tenants;
        this.mongo = mongo;
        this.organizations = organizations;
        this.userWrites = userWrites;
        this.clock = clock;
    }

    public TeamDocument get(Caller caller, String teamId) {
        caller.require(Role.TRAINEE, OrganizationService.ORG_READ);
        return tenants.getById(caller, Visibility.OWN_ORGANIZATION, teamId, TeamDocument.class, "Team");
    }

    public Connection<TeamDocument> listOfOrganization(Caller caller, String organizationId, PageRequest page) {
        Criteria ofOrganization = Criteria.where("organizationId").is(organizationId);
        List<TeamDocument> rows = tenants.find(caller, Visibility.OWN_ORGANIZATION, ofOrganization, BY_NAME, page, TeamDocument.class);
        return Connection.of(rows, page, tenants.count(caller, Visibility.OWN_ORGANIZATION, ofOrganization, TeamDocument.class));
    }

    public List<TeamDocument> children(Caller caller, String teamId) {
        return tenants.find(caller, Visibility.OWN_ORGANIZATION, Criteria.where("parentId").is(teamId), BY_NAME, null, TeamDocument.class);
    }

    public TeamDocument create(Caller caller, String requestedOrganizationId, String name, String parentId) {
        caller.require(Role.MANAGER, null);
        String organizationId = organizations.targetOrganization(caller, requestedOrganizationId);
        String validName = Names.require(name, "name");
        if (parentId != null) {
            requireSameOrganization(managed(caller, parentId), organizationId, "The parent team");
        }
        return tenants.insert(caller, new TeamDocument("team-" + UUID.randomUUID(), organizationId, validName, parentId, clock.instant()));
    }

    public TeamDocument rename(Caller caller, String teamId, String name) {
        caller.require(Role.MANAGER, null);
        String validName = Names.require(name, "name");
        managed(caller, teamId);
        return update(caller, teamId, new Update().set("name", validName));
    }

    public TeamDocument move(Caller caller, String teamId, String newParentId) {
        caller.require(Role.MANAGER, null);
        TeamDocument team = managed(caller, teamId);
        if (newParentId != null) {
            requireSameOrganization(managed(caller, newParentId), team.organizationId(), "The new parent team");
            if (hierarchyOf(caller, team.organizationId()).wouldCreateCycle(teamId, newParentId)) {
                throw DomainException.badInput("A team cannot be moved under itself or one of its descendants");
            }
        }
        return update(caller, teamId, new Update().set("parentId", newParentId));
    }

    public String delete(Caller caller, String teamId) {
        caller.require(Role.MANAGER, null);
        TeamDocument team = managed(caller, teamId);
        if (tenants.count(caller, Visibility.OWN_ORGANIZATION, Criteria.where("parentId").is(teamId), TeamDocument.class) > 0) {
            throw DomainException.conflict("The team has child teams: move or delete them first");
        }
        tenants.delete(caller, teamId, TeamDocument.class);
        // Memberships of a deleted team go too; the queries carry the caller's tenant criterion. Each member's
        // document is written on its own, carrying that member's UserChanged snapshot (their remaining teams).
        Criteria inTeam = new Criteria().andOperator(Criteria.where("organizationId").is(team.organizationId()), Criteria.where("teamIds").is(teamId));
        for (UserDocument member : tenants.find(caller, Visibility.OWN_ORGANIZATION, inTeam, Sort.by("_id"), null, UserDocument.class)) {
            userWrites.change(caller, member.id(), current -> withoutTeam(current, teamId));
        }
        mongo.updateMulti(tenants.scopedQuery(caller, Visibility.OWN_ORGANIZATION, inTeam), new Update().pull("teamIds", teamId), InvitationDocument.class);
        return teamId;
    }

    public UserDocument addMember(Caller caller, String teamId, String userId) {
        return changeMembership(caller, teamId, userId, true);
    }

    public UserDocument removeMember(Caller caller, String teamId, String userId) {
        return changeMembership(caller, teamId, userId, false);
    }

    private UserDocument changeMembership(Caller caller, String teamId, String userId, boolean add) {
        caller.require(Role.MANAGER, null);
        TeamDocument team = managed(caller, teamId);
        UserDocument user = tenants.getById(caller, Visibility.OWN_ORGANIZATION, userId, UserDocument.class, "User");
        if (!team.organizationId().equals(user.organizationId())) {
            throw DomainException.badInput("The user is not a member of the team's organization");
        }
        return userWrites.change(caller, userId, current -> add ? withTeam(current, teamId) : withoutTeam(current, teamId));
    }

    /** Joining a team: a write (and a UserChanged) only when the user is not in it yet. */
    private static Optional<UserWrites.Change> withTeam(UserDocument user, String teamId) {
        if (user.teamIds().contains(teamId)) {
            return Optional.empty();
        }
        List<String> teams = new ArrayList<>(user.teamIds());
        teams.add(teamId);
        return Optional.of(new UserWrites.Change(new Update().addToSet("teamIds", teamId), user.withTeamIds(teams)));
    }

    /** Leaving a team: a write (and a UserChanged) only when the user is in it. */
    private static Optional<UserWrites.Change> withoutTeam(UserDocument user, String teamId) {
        if (!user.teamIds().contains(teamId)) {
            return Optional.empty();
        }
        List<String> teams = user.teamIds().stream().filter(id -> !id.equals(teamId)).toList();
        return Optional.of(new UserWrites.Change(new Update().pull("teamIds", teamId), user.withTeamIds(teams)));
    }

    /** Teams {@code ids} of {@code organizationId} that the caller may see; a missing one is NOT_FOUND. */
    public List<TeamDocument> requireTeams(Caller caller, String organizationId, List<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        Map<String, TeamDocument> found = tenants.findAllById(caller, Visibility.OWN_ORGANIZATION, distinct, TeamDocument.class).stream()
                .filter(team -> team.organizationId().equals(organizationId))
                .collect(Collectors.toMap(TeamDocument::id, t -> t));
        return distinct.stream().map(id -> {
            TeamDocument team = found.get(id);
            if (team == null) {
                throw DomainException.notFound("Team", id);
            }
            return team;
        }).toList();
    }

    private TeamHierarchy hierarchyOf(Caller caller, String organizationId) {
        List<TeamDocument> all = tenants.find(caller, Visibility.OWN_ORGANIZATION,
                Criteria.where("organizationId").is(organizationId), BY_NAME, null, TeamDocument.class);
        Map<String, String> parentOf = new java.util.HashMap<>();
        all.forEach(team -> parentOf.put(team.id(), team.parentId()));
        return new TeamHierarchy(parentOf);
    }

    /** A team the caller may see; another tenant's is NOT_FOUND. */
    private TeamDocument managed(Caller caller, String teamId) {
        return tenants.getById(caller, Visibility.OWN_ORGANIZATION, teamId, TeamDocument.class, "Team");
    }

    private static void requireSameOrganization(TeamDocument team, String organizationId, String what) {
        if (!team.organizationId().equals(organizationId)) {
            throw DomainException.badInput(what + " must belong to the same organization");
        }
    }

    private TeamDocument update(Caller caller, String teamId, Update update) {
        return tenants.update(caller, teamId, null, update, TeamDocument.class)
                .orElseThrow(() -> DomainException.notFound("Team", teamId));
    }
}
