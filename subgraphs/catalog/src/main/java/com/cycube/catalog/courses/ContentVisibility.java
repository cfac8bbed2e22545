package com.cycube.catalog.courses;

/** Who may see a course or learning path: every organization, or only the owning one. */
public enum ContentVisibility {
    GLOBAL,
    ORGANIZATION;

    public static ContentVisibility of(String organizationId) {
        return organizationId == null ? GLOBAL : ORGANIZATION;
    }
}
