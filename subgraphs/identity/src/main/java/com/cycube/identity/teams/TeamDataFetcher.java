package com.cycube.identity.teams;

import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.organizations.OrganizationsDataLoader;
import com.cycube.identity.users.TeamMembersDataLoader;
import com.cycube.identity.users.UserDocument;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The schema side of teams: the query, the hierarchy and membership mutations, the fields of {@code Team}. */
@DgsComponent
public class TeamDataFetcher {

    public record CreateTeamInput(String organizationId, String name, String parentId) {
    }

    public record RenameTeamInput(String teamId, String name) {
    }

    public record MoveTeamInput(String teamId, String parentId) {
    }

    public record DeleteTeamInput(String teamId) {
    }

    public record TeamMemberInput(String teamId, String userId) {
    }

    public record TeamPayload(TeamDocument team) {
    }

    public record DeleteTeamPayload(String deletedTeamId) {
    }

    public record TeamMembershipPayload(TeamDocument team, UserDocument user) {
    }

    private final TeamService teams;

    public TeamDataFetcher(TeamService teams) {
        this.teams = teams;
    }

    @DgsQuery
    public TeamDocument team(@InputArgument String id, DataFetchingEnvironment env) {
        return teams.get(caller(env), id);
    }

    @DgsMutation
    public TeamPayload createTeam(@InputArgument CreateTeamInput input, DataFetchingEnvironment env) {
        return new TeamPayload(teams.create(caller(env), input.organizationId(), input.name(), input.parentId()));
    }

    @DgsMutation
    public TeamPayload renameTeam(@InputArgument RenameTeamInput input, DataFetchingEnvironment env) {
        return new TeamPayload(teams.rename(caller(env), input.teamId(), input.name()));
    }

    @DgsMutation
    public TeamPayload moveTeam(@InputArgument MoveTeamInput input, DataFetchingEnvironment env) {
        return new TeamPayload(teams.move(caller(env), input.teamId(), input.parentId()));
    }

    @DgsMutation
    public DeleteTeamPayload deleteTeam(@InputArgument DeleteTeamInput input, DataFetchingEnvironment env) {
        return new DeleteTeamPayload(teams.delete(caller(env), input.teamId()));
    }

    @DgsMutation
    public TeamMembershipPayload addTeamMember(@InputArgument TeamMemberInput input, DataFetchingEnvironment env) {
        Caller caller = caller(env);
        UserDocument user = teams.addMember(caller, input.teamId(), input.userId());
        return new TeamMembershipPayload(teams.get(caller, input.teamId()), user);
    }

    @DgsMutation
    public TeamMembershipPayload removeTeamMember(@InputArgument TeamMemberInput input, DataFetchingEnvironment env) {
        Caller caller = caller(env);
        UserDocument user = teams.removeMember(caller, input.teamId(), input.userId());
        return new TeamMembershipPayload(teams.get(caller, input.teamId()), user);
    }

    @DgsData(parentType = "Team", field = "organization")
    public CompletableFuture<OrganizationDocument> organization(DataFetchingEnvironment env) {
        TeamDocument team = env.getSource();
        return RequestContext.load(env, OrganizationsDataLoader.NAME, team.organizationId());
    }

    @DgsData(parentType = "Team", field = "parent")
    public CompletableFuture<TeamDocument> parent(DataFetchingEnvironment env) {
        TeamDocument team = env.getSource();
        return team.parentId() == null ? CompletableFuture.completedFuture(null)
                : RequestContext.load(env, TeamsDataLoader.NAME, team.parentId());
    }

    @DgsData(parentType = "Team", field = "children")
    public List<TeamDocument> children(DataFetchingEnvironment env) {
        TeamDocument team = env.getSource();
        return teams.children(caller(env), team.id());
    }

    @DgsData(parentType = "Team", field = "members")
    public CompletableFuture<Connection<UserDocument>> members(@InputArgument Integer first, @InputArgument String after,
                                                               DataFetchingEnvironment env) {
        TeamDocument team = env.getSource();
        return RequestContext.load(env, TeamMembersDataLoader.NAME,
                new TeamMembersDataLoader.TeamPage(team.organizationId(), team.id(), PageRequest.of(first, after)));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
