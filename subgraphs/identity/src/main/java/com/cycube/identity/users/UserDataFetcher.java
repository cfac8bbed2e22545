package com.cycube.identity.users;

import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.organizations.OrganizationsDataLoader;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.teams.TeamsDataLoader;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.context.RequestContext;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The schema side of users: {@code me}, members, profile and membership mutations, the fields of {@code User}. */
@DgsComponent
public class UserDataFetcher {

    public record UpdateProfileInput(String displayName, String locale) {
    }

    public record ChangeMemberRoleInput(String userId, Role role) {
    }

    public record DeactivateMemberInput(String userId) {
    }

    /** The payload of every mutation answering with one user. */
    public record UserPayload(UserDocument user) {
    }

    private final UserProvisioning provisioning;
    private final ProfileService profiles;
    private final MemberService members;

    public UserDataFetcher(UserProvisioning provisioning, ProfileService profiles, MemberService members) {
        this.provisioning = provisioning;
        this.profiles = profiles;
        this.members = members;
    }

    @DgsQuery
    public UserDocument me(DataFetchingEnvironment env) {
        return provisioning.currentUser(caller(env));
    }

    @DgsQuery
    public Connection<UserDocument> members(@InputArgument String organizationId, @InputArgument Integer first,
                                            @InputArgument String after, @InputArgument MemberFilter filter,
                                            DataFetchingEnvironment env) {
        return members.list(caller(env), organizationId, filter, PageRequest.of(first, after));
    }

    @DgsMutation
    public UserPayload updateProfile(@InputArgument UpdateProfileInput input, DataFetchingEnvironment env) {
        return new UserPayload(profiles.updateProfile(caller(env), input.displayName(), input.locale()));
    }

    @DgsMutation
    public UserPayload changeMemberRole(@InputArgument ChangeMemberRoleInput input, DataFetchingEnvironment env) {
        return new UserPayload(members.changeRole(caller(env), input.userId(), input.role()));
    }

    @DgsMutation
    public UserPayload deactivateMember(@InputArgument DeactivateMemberInput input, DataFetchingEnvironment env) {
        return new UserPayload(members.deactivate(caller(env), input.userId()));
    }

    @DgsData(parentType = "User", field = "organization")
    public CompletableFuture<OrganizationDocument> organization(DataFetchingEnvironment env) {
        UserDocument user = env.getSource();
        return user.organizationId() == null ? CompletableFuture.completedFuture(null)
                : RequestContext.load(env, OrganizationsDataLoader.NAME, user.organizationId());
    }

    @DgsData(parentType = "User", field = "teams")
    public CompletableFuture<List<TeamDocument>> teams(DataFetchingEnvironment env) {
        UserDocument user = env.getSource();
        return RequestContext.<String, TeamDocument>loadMany(env, TeamsDataLoader.NAME, user.teamIds())
                .thenApply(teams -> teams.stream().sorted(Comparator.comparing(TeamDocument::name)).toList());
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
