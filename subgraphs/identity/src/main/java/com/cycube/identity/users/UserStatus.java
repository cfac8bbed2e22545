package com.cycube.identity.users;

/**
 * The life cycle of a user account; INVITED and ACTIVE users hold a seat. REVOKED is internal (not in the schema):
 * the invitation was revoked before the person signed in; the document is kept only so that its events are relayed
 * (docs/events.md: never delete a document that may hold pending {@code _outbox} events), and every query and
 * lookup treats it as absent.
 */
public enum UserStatus {
    INVITED,
    ACTIVE,
    DEACTIVATED,
    REVOKED;

    public boolean holdsSeat() {
        return this == INVITED || this == ACTIVE;
    }
}
