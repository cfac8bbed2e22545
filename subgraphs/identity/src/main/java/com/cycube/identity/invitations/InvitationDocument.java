package com.cycube.identity.invitations;

import com.cycube.support.auth.Role;
import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An invitation to join an organization; {@code userId} is the Keycloak account created for it. */
@Document("invitations")
public record InvitationDocument(@Id String id, String organizationId, String email, Role role, List<String> teamIds,
                                 InvitationStatus status, String userId, String invitedBy, Instant createdAt,
                                 Instant expiresAt) implements TenantOwned {

    public InvitationDocument {
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
    }

    /** The status a client sees: a pending invitation past its expiry is EXPIRED. */
    public InvitationStatus effectiveStatus(Instant now) {
        return status == InvitationStatus.PENDING && !now.isBefore(expiresAt) ? InvitationStatus.EXPIRED : status;
    }
}
