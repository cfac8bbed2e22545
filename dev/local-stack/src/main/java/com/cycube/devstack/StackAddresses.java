package com.cycube.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything of one stack is: the ports chosen when it was built (explicit, free or conventional), the URLs
 * made from them, the selected subgraphs in start order, and the folders for logs and Keycloak's home.
 */
final class StackAddresses {

    final Path repositoryRoot;
    final Path workDirectory;
    final int routerPort;
    final int keycloakPort;
    final int keycloakManagementPort;
    final int mongoPort;
    /** The local SMTP server (catches every e-mail) and the page that shows what it caught. */
    final int smtpPort;
    final int mailboxPort;
    /** The web console ({@link WebConsole}): 5173 on the conventional ports, the origin Keycloak and the router allow. */
    final int consolePort;
    /** The selected subgraphs in start order. */
    final List<Subgraph> subgraphs;
    private final Map<String, Integer> subgraphPorts;

    private StackAddresses(Path repositoryRoot, Path workDirectory, int routerPort, int keycloakPort, int mongoPort,
                           int smtpPort, int mailboxPort, int consolePort, List<Subgraph> subgraphs,
                           Map<String, Integer> subgraphPorts) {
        this.repositoryRoot = repositoryRoot;
        this.workDirectory = workDirectory;
        this.routerPort = routerPort;
        this.keycloakPort = keycloakPort;
        this.keycloakManagementPort = Ports.freePort();
        this.mongoPort = mongoPort;
        this.smtpPort = smtpPort;
        this.mailboxPort = mailboxPort;
        this.consolePort = consolePort;
        this.subgraphs = List.copyOf(subgraphs);
        this.subgraphPorts = Collections.unmodifiableMap(subgraphPorts);
    }

    static StackAddresses choose(LocalStackBuilder options, Path repositoryRoot, List<Subgraph> subgraphs) {
        Map<String, Integer> ports = new LinkedHashMap<>(); // keeps the start order
        for (Subgraph subgraph : subgraphs) {
            ports.put(subgraph.name(), port(options, options.subgraphPorts.get(subgraph.name()), subgraph.defaultPort()));
        }
        Path workDirectory = options.workDirectory != null ? options.workDirectory.toAbsolutePath() : createTempWorkDir();
        return new StackAddresses(repositoryRoot, workDirectory,
                port(options, options.routerPort, LocalStack.DEFAULT_ROUTER_PORT),
                port(options, options.keycloakPort, LocalStack.DEFAULT_KEYCLOAK_PORT),
                port(options, options.mongoPort, LocalStack.DEFAULT_MONGO_PORT),
                port(options, null, LocalStack.DEFAULT_SMTP_PORT),
                port(options, null, LocalStack.DEFAULT_MAILBOX_PORT),
                port(options, options.consolePort, LocalStack.DEFAULT_CONSOLE_PORT),
                subgraphs, ports);
    }

    /** An explicit port (0: a free one), else a free one for random ports, else the conventional one. */
    private static int port(LocalStackBuilder options, Integer explicit, int conventional) {
        if (explicit != null) {
            return explicit == 0 ? Ports.freePort() : explicit;
        }
        return options.randomPorts ? Ports.freePort() : conventional;
    }

    String routerBaseUrl() {
        return "http://localhost:" + routerPort;
    }

    String routerUrl() {
        return routerBaseUrl() + RouterProcess.GRAPHQL_PATH;
    }

    /** {@code ws://localhost:<router>/graphql}: subscriptions (graphql-transport-ws) */
    String routerWsUrl() {
        return "ws://localhost:" + routerPort + RouterProcess.GRAPHQL_PATH;
    }

    /** {@code http://localhost:<console>}: the web console's origin (Keycloak's redirect URI, the router's CORS). */
    String consoleUrl() {
        return "http://localhost:" + consolePort;
    }

    String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    String issuerUri() {
        return keycloakUrl() + "/realms/" + KeycloakServer.REALM;
    }

    String jwksUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    String tokenEndpoint() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    String mailboxUrl() {
        return "http://localhost:" + mailboxPort + "/";
    }

    String mongoConnectionString() {
        return "mongodb://localhost:" + mongoPort;
    }

    List<String> subgraphNames() {
        return List.copyOf(subgraphPorts.keySet());
    }

    int subgraphPort(String name) {
        Integer port = subgraphPorts.get(name);
        if (port == null) {
            throw new IllegalArgumentException("this stack runs no subgraph '" + name + "'; it runs "
                    + subgraphPorts.keySet());
        }
        return port;
    }

    Subgraph subgraph(String name) {
        subgraphPort(name); // the explanatory error for names this stack does not run
        return subgraphs.stream().filter(subgraph -> subgraph.name().equals(name)).findFirst().orElseThrow();
    }

    String subgraphUrl(String name) {
        return "http://127.0.0.1:" + subgraphPort(name) + "/graphql";
    }

    /** Every selected subgraph's URL by name, in start order (what the router is told). */
    Map<String, String> subgraphUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        subgraphPorts.keySet().forEach(name -> urls.put(name, subgraphUrl(name)));
        return urls;
    }

    Path logDirectory() {
        return workDirectory.resolve("logs");
    }

    Path logFile(String component) {
        return logDirectory().resolve(component + ".log");
    }

    private static Path createTempWorkDir() {
        try {
            return Files.createTempDirectory("cycube-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
