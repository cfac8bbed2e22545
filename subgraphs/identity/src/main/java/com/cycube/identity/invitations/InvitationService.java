package com.cycube.identity.invitations;

import com.cycube.identity.keycloak.IdentityProviderAccounts;
import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.organizations.OrganizationService;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.teams.TeamService;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UserStatus;
import com.cycube.identity.users.UserStore;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Invitations: a manager invites a person by e-mail. Keycloak is changed first (account with role
 * and {@code org_id}, then the invitation e-mail); identity's invited user and invitation are
 * written only after Keycloak accepted, and a half-done Keycloak change is compensated.
 */
@Service
public class InvitationService {

    private static final Logger log = LoggerFactory.getLogger(InvitationService.class);

    private final InvitationStore invitations;
    private final UserStore users;
    private final OrganizationService organizations;
    private final TeamService teams;
    private final IdentityProviderAccounts accounts;
    private final InvitationProperties properties;
    private final Clock clock;

    public InvitationService(InvitationStore invitations, UserStore users, OrganizationService organizations, TeamService teams,
                             IdentityProviderAccounts accounts, InvitationProperties properties, Clock clock) {
        this.invitations = invitations;
        this.users = users;
        this.organizations = organizations;
        this.teams = teams;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    public InvitationDocument invite(Caller caller, String requestedOrganizationId, String email, Role role, List<String> teamIds) {
        caller.require(Role.MANAGER, null);
        String organizationId = organizations.targetOrganization(caller, requestedOrganizationId);
        String address = EmailAddresses.normalize(email);
        if (role == Role.ROOT) {
            throw DomainException.forbidden("The ROOT role cannot be granted");
        }
        List<String> teamsToJoin = teams.requireTeams(caller, organizationId, teamIds == null ? List.of() : teamIds)
                .stream().map(TeamDocument::id).toList();
        if (users.emailInUse(address)) {
            throw DomainException.conflict("This e-mail address already belongs to a user");
        }
        OrganizationDocument organization = organizations.get(caller, organizationId);
        if (organizations.seatsUsed(caller, organizationId) >= organization.seatLimit()) {
            throw DomainException.conflict("seat limit reached: the organization uses all its " + organization.seatLimit() + " seats");
        }

        String userId = accounts.createInvitedUser(address, organizationId, role);
        try {
            if (properties.sendEmail()) {
                accounts.sendInvitationEmail(userId, properties.validity());
            }
            Instant now = clock.instant();
            users.insert(caller, new UserDocument(userId, organizationId, address, address, null, role, UserStatus.INVITED,
                    teamsToJoin, now, null, null));
            return invitations.insert(caller, new InvitationDocument("inv-" + UUID.randomUUID(), organizationId, address, role,
                    teamsToJoin, InvitationStatus.PENDING, userId, caller.subject(), now, now.plus(properties.validity())));
        } catch (RuntimeException failed) {
            compensate(caller, userId);
            throw failed;
        }
    }

    public InvitationDocument revoke(Caller caller, String invitationId) {
        caller.require(Role.MANAGER, null);
        InvitationDocument invitation = invitations.get(caller, invitationId);
        switch (invitation.status()) {
            case REVOKED -> {
                revokeInvitedUser(caller, invitation.userId()); // finishes a revocation whose last step failed (idempotent)
                return invitation;
            }
            case ACCEPTED -> throw DomainException.conflict("The invitation was already accepted: deactivate the member instead");
            default -> {
                // PENDING (possibly expired): remove the account first, then free the seat here.
            }
        }
        // The user first: once REVOKED, a sign-in with a still-valid token can no longer activate them, so the account
        // is never deleted under a member who accepted a moment ago. A failure after this point is finished by
        // revoking again.
        if (revokeInvitedUser(caller, invitation.userId()) == UserStatus.ACTIVE) {
            throw DomainException.conflict("The invitation was already accepted: deactivate the member instead");
        }
        accounts.delete(invitation.userId());
        return invitations.revokePending(caller, invitationId)
                .orElseThrow(() -> DomainException.conflict("The invitation changed meanwhile; reload and try again"));
    }

    /**
     * The invited user is not deleted: its document may still hold pending {@code _outbox} events (its first
     * snapshot), and the other subgraphs must hear that the person is gone. It is marked {@link UserStatus#REVOKED}
     * with no teams through {@link UserStore#change}, so its final {@code identity.UserChanged} snapshot (inactive,
     * no teams) is recorded in the same write and relayed with everything else pending. A revoked user holds no
     * seat, is absent from every member query and lookup, and its e-mail address may be invited again. A user who
     * signed in meanwhile (no longer INVITED) is left alone; the status found is returned.
     */
    private UserStatus revokeInvitedUser(Caller caller, String userId) {
        try {
            return users.change(caller, userId, current -> current.status() != UserStatus.INVITED ? Optional.empty()
                    : Optional.of(current.withStatus(UserStatus.REVOKED).withTeamIds(List.of()))).status();
        } catch (DomainException missing) {
            if (missing.code() != ErrorCode.NOT_FOUND) {
                throw missing;
            }
            // no invited user left to revoke (already REVOKED, or removed by a failed invitation's compensation)
            return UserStatus.REVOKED;
        }
    }

    public Connection<InvitationDocument> list(Caller caller, String requestedOrganizationId, InvitationStatus status, PageRequest page) {
        caller.require(Role.MANAGER, OrganizationService.ORG_READ);
        String organizationId = organizations.targetOrganization(caller, requestedOrganizationId);
        return invitations.list(caller, organizationId, status, clock.instant(), page);
    }

    public InvitationStatus statusOf(InvitationDocument invitation) {
        return invitation.effectiveStatus(clock.instant());
    }

    private void compensate(Caller caller, String userId) {
        try {
            accounts.delete(userId);
        } catch (RuntimeException alsoFailed) {
            log.error("Could not remove Keycloak account {} of a failed invitation; remove it by hand", userId, alsoFailed);
        }
        // not deleted: the invited user (if it was written) may hold its first snapshot in _outbox
        try {
            revokeInvitedUser(caller, userId);
        } catch (RuntimeException alsoFailed) {
            log.error("Could not mark invited user {} of a failed invitation revoked", userId, alsoFailed);
        }
    }
}
