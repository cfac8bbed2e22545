package com.cycube.identity.users;

/** The life cycle of a user account; INVITED and ACTIVE users hold a seat. */
public enum UserStatus {
    INVITED,
    ACTIVE,
    DEACTIVATED;

    public boolean holdsSeat() {
        return this != DEACTIVATED;
    }
}
