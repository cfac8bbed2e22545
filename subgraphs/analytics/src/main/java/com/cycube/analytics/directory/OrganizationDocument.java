package com.cycube.analytics.directory;

import org.springframework.data.annotation.Id;

/** An organization as identity last described it: its name and how many labs it may run at once. */
public record OrganizationDocument(@Id String id, String name, int labQuota, boolean active, long version) {

    public static final String COLLECTION = "organizations";
}
