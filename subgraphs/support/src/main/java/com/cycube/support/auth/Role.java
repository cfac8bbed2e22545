package com.cycube.support.auth;

import java.util.Optional;

/**
 * Platform roles, carried as Keycloak realm roles. They are ordered: each role may do what the
 * roles before it may (a manager can also train, root can do everything).
 */
public enum Role {
    TRAINEE,
    MANAGER,
    ROOT;

    public boolean includes(Role other) {
        return this.ordinal() >= other.ordinal();
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
