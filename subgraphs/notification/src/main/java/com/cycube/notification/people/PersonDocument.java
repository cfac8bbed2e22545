package com.cycube.notification.people;

import org.springframework.data.annotation.Id;

/** A member as identity last announced them (highest version): who manages which organization, names for texts. */
public record PersonDocument(@Id String id, String organizationId, String displayName, String role, boolean active,
                             long version) {

    public static final String COLLECTION = "people";

    public boolean activeManager() {
        return active && "MANAGER".equals(role);
    }
}
