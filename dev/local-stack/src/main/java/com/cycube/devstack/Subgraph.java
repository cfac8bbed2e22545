package com.cycube.devstack;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A subgraph the local stack runs: its Maven module under {@code subgraphs/}, its conventional port, and whether it
 * talks to the Keycloak admin API. Adding a subgraph to the local stack is one line in {@link #ALL}.
 */
public record Subgraph(String name, int defaultPort, boolean usesKeycloakAdmin) {

    /** Every subgraph of the supergraph, in start order (ports as in docs/CONVENTIONS-LOCAL.md). */
    public static final List<Subgraph> ALL = List.of(
            new Subgraph("identity", 4001, true),
            new Subgraph("catalog", 4002, false),
            new Subgraph("training", 4003, false),
            new Subgraph("assessment", 4004, false),
            new Subgraph("labs", 4005, false));

    public static Subgraph named(String name) {
        return ALL.stream()
                .filter(subgraph -> subgraph.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(
                        "no subgraph named '" + name + "'; known: " + ALL.stream().map(Subgraph::name).toList()));
    }

    /** The MongoDB database this subgraph owns. */
    public String database() {
        return "cycube-" + name;
    }

    /** The router's environment variable that overrides this subgraph's URL, e.g. {@code IDENTITY_URL}. */
    public String routerUrlVariable() {
        return RouterEnvironment.subgraphUrlVariable(name);
    }
}
