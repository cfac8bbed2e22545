package com.cycube.devstack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The environment variables the local stack passes to the router: the one place to align with
 * {@code router/router.config.yaml}. Hive Router's own overrides ({@code PORT}, {@code SUPERGRAPH_FILE_PATH},
 * {@code ROUTER_CONFIG_FILE_PATH}, {@code LOG_LEVEL}) are set alongside the project's names, so the stack works
 * whichever of the two the configuration reads.
 */
public final class RouterEnvironment {

    /** The port the router listens on. */
    public static final String ROUTER_PORT = "ROUTER_PORT";
    /** Hive Router's built-in override of {@code http.port}; always equal to {@link #ROUTER_PORT}. */
    public static final String PORT = "PORT";
    /** Absolute path of the composed supergraph ({@code schema/supergraph.graphql}). */
    public static final String SUPERGRAPH_PATH = "SUPERGRAPH_PATH";
    /** Hive Router's built-in override of {@code supergraph.path}; always equal to {@link #SUPERGRAPH_PATH}. */
    public static final String SUPERGRAPH_FILE_PATH = "SUPERGRAPH_FILE_PATH";
    /** Hive Router's variable naming its configuration file. */
    public static final String ROUTER_CONFIG_FILE_PATH = "ROUTER_CONFIG_FILE_PATH";
    /** Keycloak's JWKS, {@code http://localhost:<kc>/realms/cycube/protocol/openid-connect/certs}. */
    public static final String KEYCLOAK_JWKS_URL = "KEYCLOAK_JWKS_URL";
    /** The issuer tokens must carry, {@code http://localhost:<kc>/realms/cycube}. */
    public static final String KEYCLOAK_ISSUER = "KEYCLOAK_ISSUER";
    /** {@code trace|debug|info|warn|error} (Hive Router's own variable). */
    public static final String LOG_LEVEL = "LOG_LEVEL";
    /** Suffix of the per-subgraph URL override: {@code IDENTITY_URL}, {@code CATALOG_URL}, ... */
    public static final String SUBGRAPH_URL_SUFFIX = "_URL";

    private RouterEnvironment() {
    }

    /** {@code identity} → {@code IDENTITY_URL}. */
    public static String subgraphUrlVariable(String subgraphName) {
        return subgraphName.toUpperCase(Locale.ROOT).replace('-', '_') + SUBGRAPH_URL_SUFFIX;
    }

    /**
     * The router's environment for a stack.
     *
     * @param subgraphUrls subgraph name → its GraphQL URL ({@code http://localhost:<port>/graphql})
     */
    public static Map<String, String> of(int routerPort, String configFile, String supergraphFile, String issuerUri,
                                         String jwksUri, Map<String, String> subgraphUrls, String logLevel) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ROUTER_PORT, Integer.toString(routerPort));
        env.put(PORT, Integer.toString(routerPort));
        env.put(ROUTER_CONFIG_FILE_PATH, configFile);
        env.put(SUPERGRAPH_PATH, supergraphFile);
        env.put(SUPERGRAPH_FILE_PATH, supergraphFile);
        env.put(KEYCLOAK_ISSUER, issuerUri);
        env.put(KEYCLOAK_JWKS_URL, jwksUri);
        subgraphUrls.forEach((name, url) -> env.put(subgraphUrlVariable(name), url));
        env.put(LOG_LEVEL, logLevel);
        return env;
    }
}
