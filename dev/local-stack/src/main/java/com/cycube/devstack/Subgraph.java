package com.cycube.devstack;

/**
 * A subgraph the local stack runs: its Maven module under {@code subgraphs/} (same name) and its conventional port,
 * both from {@link Subgraphs#FILE}. The stack knows nothing else about a subgraph except that identity administers
 * Keycloak's users.
 */
public record Subgraph(String name, int defaultPort) {

    /** The subgraph that creates users in Keycloak (invitations) through its admin API. */
    static final String KEYCLOAK_ADMIN_USER = "identity";

    /** Whether it talks to the Keycloak admin API (and needs its address and client secret). */
    public boolean usesKeycloakAdmin() {
        return KEYCLOAK_ADMIN_USER.equals(name);
    }

    /** The MongoDB database this subgraph owns. */
    public String database() {
        return "cycube-" + name;
    }
}
