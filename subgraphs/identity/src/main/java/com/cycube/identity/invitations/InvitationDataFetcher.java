package com.cycube.identity.invitations;

import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.organizations.OrganizationsDataLoader;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.teams.TeamsDataLoader;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UsersDataLoader;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The schema side of invitations. */
@DgsComponent
public class InvitationDataFetcher {

    public record InviteMemberInput(String organizationId, String email, Role role, List<String> teamIds) {
    }

    public record RevokeInvitationInput(String invitationId) {
    }

    public record InvitationPayload(InvitationDocument invitation) {
    }

    private final InvitationService invitations;

    public InvitationDataFetcher(InvitationService invitations) {
        this.invitations = invitations;
    }

    @DgsQuery
    public Connection<InvitationDocument> invitations(@InputArgument String organizationId, @InputArgument InvitationStatus status,
                                                      @InputArgument Integer first, @InputArgument String after,
                                                      DataFetchingEnvironment env) {
        return invitations.list(caller(env), organizationId, status, PageRequest.of(first, after));
    }

    @DgsMutation
    public InvitationPayload inviteMember(@InputArgument InviteMemberInput input, DataFetchingEnvironment env) {
        return new InvitationPayload(invitations.invite(caller(env), input.organizationId(), input.email(), input.role(), input.teamIds()));
    }

    @DgsMutation
    public InvitationPayload revokeInvitation(@InputArgument RevokeInvitationInput input, DataFetchingEnvironment env) {
        return new InvitationPayload(invitations.revoke(caller(env), input.invitationId()));
    }

    @DgsData(parentType = "Invitation", field = "status")
    public InvitationStatus status(DataFetchingEnvironment env) {
        return invitations.statusOf(env.getSource());
    }

    @DgsData(parentType = "Invitation", field = "user")
    public CompletableFuture<UserDocument> user(DataFetchingEnvironment env) {
        InvitationDocument invitation = env.getSource();
        return RequestContext.load(env, UsersDataLoader.NAME, invitation.userId());
    }

    @DgsData(parentType = "Invitation", field = "organization")
    public CompletableFuture<OrganizationDocument> organization(DataFetchingEnvironment env) {
        InvitationDocument invitation = env.getSource();
        return RequestContext.load(env, OrganizationsDataLoader.NAME, invitation.organizationId());
    }

    @DgsData(parentType = "Invitation", field = "teams")
    public CompletableFuture<List<TeamDocument>> teams(DataFetchingEnvironment env) {
        InvitationDocument invitation = env.getSource();
        return RequestContext.loadMany(env, TeamsDataLoader.NAME, invitation.teamIds());
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
