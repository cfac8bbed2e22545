package com.cycube.analytics.directory;

import org.springframework.data.annotation.Id;

/** A team of an organization as identity last described it. */
public record TeamDocument(@Id String id, String organizationId, String name, String parentTeamId, boolean deleted,
                           long version) {

    public static final String COLLECTION = "teams";
}
