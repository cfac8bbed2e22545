package com.cycube.audit.signins;

/** The two kinds of events Keycloak stores, each read with its own cursor. */
public enum EventStream {
    /** Login events: sign-ins, failures, lockouts, password and second-factor changes. */
    EVENTS("events", "/admin/realms/{realm}/events"),
    /** Admin events: changes made through the admin console or admin API. */
    ADMIN_EVENTS("admin-events", "/admin/realms/{realm}/admin-events");

    private final String id;
    private final String path;

    EventStream(String id, String path) {
        this.id = id;
        this.path = path;
    }

    /** Its cursor's id and its metrics' {@code stream} tag. */
    public String id() {
        return id;
    }

    /** The admin REST API path it is read from. */
    public String path() {
        return path;
    }
}
