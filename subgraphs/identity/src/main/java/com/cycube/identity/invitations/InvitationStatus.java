package com.cycube.identity.invitations;

/** Where an invitation is; EXPIRED is never stored, it is a PENDING invitation past its expiry. */
public enum InvitationStatus {
    PENDING,
    ACCEPTED,
    REVOKED,
    EXPIRED
}
