package com.cycube.audit.alerts;

/** The schema's SecurityAlertKind: the patterns docs/compliance.md lists with their thresholds. */
public enum AlertKind {
    /** {@code failed-sign-ins} records {@code auth.login.failure} for one account within {@code failed-sign-ins-window}. */
    FAILED_SIGN_INS_FOR_ACCOUNT,
    /** The same, from one client address (password spraying across accounts). */
    FAILED_SIGN_INS_FROM_ADDRESS,
    /** A member was made MANAGER ({@code mutation.changeMemberRole} with role MANAGER, succeeded). */
    ROLE_GRANTED_MANAGER,
    /** A token of a deactivated account (or of a deactivated organization's member) was still used. */
    REVOKED_ACCESS_USED,
    /** {@code denials} denied requests from one caller (or, without a token, one address) within {@code denials-window}. */
    REPEATED_DENIALS
}
