package com.cycube.identity.teams;

import com.cycube.identity.Names;
import com.cycube.identity.invitations.InvitationStore;
import com.cycube.identity.organizations.OrganizationService;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UserStore;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Teams and team memberships: managers of the organization (and root) change them; members read them. */
@Service
public class TeamService {

    private final TeamStore teams;
    private final UserStore users;
    private final InvitationStore invitations;
    private final OrganizationService organizations;
    private final Clock clock;

    public TeamService(TeamStore teams, UserStore users, InvitationStore invitations, OrganizationService organizations,
                       Clock clock) {
        this.teams = teams;
        this.users = users;
        this.invitations = invitations;
        this.organizations = organizations;
        this.clock = clock;
    }

    public TeamDocument get(Caller caller, String teamId) {
        caller.require(Role.TRAINEE, OrganizationService.ORG_READ);
        return teams.get(caller, teamId);
    }

    public Connection<TeamDocument> listOfOrganization(Caller caller, String organizationId, PageRequest page) {
        return teams.ofOrganization(caller, organizationId, page);
    }

    public List<TeamDocument> children(Caller caller, String teamId) {
        return teams.children(caller, teamId);
    }

    public TeamDocument create(Caller caller, String requestedOrganizationId, String name, String parentId) {
        caller.require(Role.MANAGER, null);
        String organizationId = organizations.targetOrganization(caller, requestedOrganizationId);
        String validName = Names.require(name, "name");
        if (parentId != null) {
            requireSameOrganization(teams.get(caller, parentId), organizationId, "The parent team");
        }
        return teams.insert(caller, TeamDocument.create("team-" + UUID.randomUUID(), organizationId, validName, parentId, clock.instant()));
    }

    /** Renames the team: a write (and a TeamChanged) only when the name differs. */
    public TeamDocument rename(Caller caller, String teamId, String name) {
        caller.require(Role.MANAGER, null);
        String validName = Names.require(name, "name");
        return teams.change(caller, teamId, team -> team.name().equals(validName)
                ? Optional.empty() : Optional.of(team.withName(validName)));
    }

    public TeamDocument move(Caller caller, String teamId, String newParentId) {
        caller.require(Role.MANAGER, null);
        TeamDocument team = teams.get(caller, teamId);
        if (newParentId != null) {
            requireSameOrganization(teams.get(caller, newParentId), team.organizationId(), "The new parent team");
            if (teams.hierarchyOf(caller, team.organizationId()).wouldCreateCycle(teamId, newParentId)) {
                throw DomainException.badInput("A team cannot be moved under itself or one of its descendants");
            }
        }
        return teams.change(caller, teamId, current -> Objects.equals(current.parentId(), newParentId)
                ? Optional.empty() : Optional.of(current.withParentId(newParentId)));
    }

    /**
     * Deletes a team without child teams: the team's write carries its last TeamChanged ({@code deleted}). Its
     * memberships go too: each member's document is written on its own, carrying that member's UserChanged snapshot
     * (their remaining teams), and pending invitations forget it.
     */
    public String delete(Caller caller, String teamId) {
        caller.require(Role.MANAGER, null);
        TeamDocument team = teams.get(caller, teamId);
        if (teams.hasChildren(caller, teamId)) {
            throw DomainException.conflict("The team has child teams: move or delete them first");
        }
        teams.change(caller, teamId, current -> Optional.of(current.withDeletedAt(clock.instant())));
        for (UserDocument member : users.membersOfTeam(caller, team.organizationId(), teamId)) {
            users.change(caller, member.id(), current -> withoutTeam(current, teamId));
        }
        invitations.forgetTeam(caller, team.organizationId(), teamId);
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
        TeamDocument team = teams.get(caller, teamId);
        UserDocument user = users.get(caller, userId);
        if (!team.organizationId().equals(user.organizationId())) {
            throw DomainException.badInput("The user is not a member of the team's organization");
        }
        return users.change(caller, userId, current -> add ? withTeam(current, teamId) : withoutTeam(current, teamId));
    }

    /** Joining a team: a write (and a UserChanged) only when the user is not in it yet. */
    private static Optional<UserDocument> withTeam(UserDocument user, String teamId) {
        if (user.teamIds().contains(teamId)) {
            return Optional.empty();
        }
        List<String> joined = new ArrayList<>(user.teamIds());
        joined.add(teamId);
        return Optional.of(user.withTeamIds(joined));
    }

    /** Leaving a team: a write (and a UserChanged) only when the user is in it. */
    private static Optional<UserDocument> withoutTeam(UserDocument user, String teamId) {
        if (!user.teamIds().contains(teamId)) {
            return Optional.empty();
        }
        return Optional.of(user.withTeamIds(user.teamIds().stream().filter(id -> !id.equals(teamId)).toList()));
    }

    /** Teams {@code ids} of {@code organizationId} that the caller may see; a missing one is NOT_FOUND. */
    public List<TeamDocument> requireTeams(Caller caller, String organizationId, List<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        Map<String, TeamDocument> found = teams.byIds(caller, distinct);
        return distinct.stream().map(id -> {
            TeamDocument team = found.get(id);
            if (team == null || !team.organizationId().equals(organizationId)) {
                throw DomainException.notFound("Team", id);
            }
            return team;
        }).toList();
    }

    private static void requireSameOrganization(TeamDocument team, String organizationId, String what) {
        if (!team.organizationId().equals(organizationId)) {
            throw DomainException.badInput(what + " must belong to the same organization");
        }
    }
}
