package com.cycube.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One subgraph's runnable jar ({@code subgraphs/<name>/target/<name>-<version>-exec.jar}) run as a child JVM, or in the
 * stack's subgraph host ({@link SubgraphHostProcess}: several subgraphs in one JVM, ADR 26) — configured only through
 * the environment variables of docs/CONVENTIONS-LOCAL.md either way. A hosted subgraph that is stopped leaves the host;
 * started again, it runs as a process of its own.
 */
public final class SubgraphProcess {

    public static final String READINESS_PATH = "/actuator/health/readiness";
    public static final String HEALTH_PATH = "/actuator/health";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
    /** Small, quick-starting JVMs for development; production sizing lives in compose.yaml and the Dockerfile. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:+UseSerialGC");

    private final Subgraph subgraph;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private volatile ManagedProcess process;
    /** The host this subgraph runs in, or null when it runs (or will run) as a process of its own. */
    private volatile SubgraphHostProcess host;

    public SubgraphProcess(Subgraph subgraph, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.subgraph = subgraph;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    /**
     * The environment a subgraph runs with in the local stack: its port on loopback (actuator included), plain logs, its own database in the embedded
     * store, the local Keycloak as token issuer, the demo data, dev mode (development-only secrets allowed), and for
     * identity the Keycloak admin client's secret.
     */
    public static Map<String, String> environment(Subgraph subgraph, int port, int mongoPort, int keycloakPort, int smtpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        // Loopback only: on a laptop only the router (and the developer) should reach a subgraph.
        env.put("SERVER_ADDRESS", "127.0.0.1");
        // Actuator on the same port on a laptop (production: a management port of its own, 9090); readable log lines
        // instead of production's JSON.
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(port));
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
        env.put("SPRING_MONGODB_URI", "mongodb://localhost:" + mongoPort + "/" + subgraph.database());
        env.put("CYCUBE_SECURITY_ISSUER_URI", "http://localhost:" + keycloakPort + "/realms/" + KeycloakServer.REALM);
        env.put("CYCUBE_DEMO_DATA_ENABLED", "true");
        // The switch for development-only secrets: without it a subgraph refuses to start on a missing secret or a
        // published dev one (assessment's certificate signing key); with it, it uses the dev value and warns.
        env.put("CYCUBE_DEV_MODE", "true");
        // The local mailbox catches every e-mail (MailCatcher); links in e-mails lead back to this laptop.
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        if (subgraph.name().equals("audit")) {
            // Sign-ins into the trail (ADR 23): Keycloak's events read with the dev overlay's reader secret
            env.put("CYCUBE_AUDIT_KEYCLOAK_BASE_URL", "http://localhost:" + keycloakPort);
            env.put("CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET", "audit-reader-dev-secret");
            env.put("CYCUBE_AUDIT_KEYCLOAK_INTERVAL", "5s"); // a developer sees a sign-in in the trail at once
        }
        if (subgraph.name().equals("notification")) {
            env.put("CYCUBE_NOTIFICATION_PUBLIC_URL", "http://localhost:" + port);
            // Local development only (never in compose or the chart: deploy/validate refuses it): webhooks may be
            // delivered to a receiver on this laptop over plain http.
            env.put("CYCUBE_NOTIFICATION_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
            env.put("CYCUBE_NOTIFICATION_WEBHOOKS_ALLOW_HTTP", "true");
        }
        if (subgraph.usesKeycloakAdmin()) {
            env.put("CYCUBE_KEYCLOAK_ADMIN_BASE_URL", "http://localhost:" + keycloakPort);
            // The development secret from the dev overlay keycloak/cycube-realm-dev.json; production passes its own.
            env.put("CYCUBE_KEYCLOAK_ADMIN_CLIENT_SECRET", "identity-admin-dev-secret");
        }
        return env;
    }

    /** The newest {@code <name>-*-exec.jar} under {@code subgraphs/<name>/target}, with a build hint when missing. */
    public static Path locateJar(Path repositoryRoot, Subgraph subgraph) {
        Path target = repositoryRoot.resolve("subgraphs").resolve(subgraph.name()).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var newest = files
                        .filter(f -> f.getFileName().toString().startsWith(subgraph.name() + "-"))
                        .filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                        .max(Comparator.comparing(f -> f.toFile().lastModified()));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new StackStartException("the " + subgraph.name() + " subgraph is not built: no " + subgraph.name()
                + "-*-exec.jar in " + target + ". Build it with: ./mvnw -q -DskipTests package (or ./cycube up).");
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    public Subgraph subgraph() {
        return subgraph;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>/graphql} */
    public String graphqlUrl() {
        return "http://127.0.0.1:" + port + "/graphql";
    }

    public Path logFile() {
        return logFile;
    }

    Path jar() {
        return jar;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** This subgraph was started in {@code host} (with the others there). */
    void hostedIn(SubgraphHostProcess host) {
        this.host = host;
        this.process = host.process();
    }

    public boolean isRunning() {
        SubgraphHostProcess hostedIn = host;
        if (hostedIn != null) {
            return hostedIn.hosts(subgraph.name());
        }
        ManagedProcess current = process;
        return current != null && current.isAlive();
    }

    public void start() {
        host = null; // once out of the host, a subgraph runs as a process of its own
        if (isRunning()) {
            throw new IllegalStateException(subgraph.name() + " is already running");
        }
        process = ManagedProcess.start(subgraph.name(), command(), environment, jar.getParent(), logFile);
    }

    /**
     * Waits for the readiness probe; a subgraph that has no readiness group (404) is ready when its overall health
     * is UP.
     */
    public void awaitReady(Duration timeout) {
        URI readiness = URI.create("http://127.0.0.1:" + port + READINESS_PATH);
        URI health = URI.create("http://127.0.0.1:" + port + HEALTH_PATH);
        try {
            process.awaitReady("ready (GET " + readiness + " answering 200)", () -> {
                int status = Http.status(readiness);
                return status == 200 || (status == 404 && Http.status(health) == 200);
            }, timeout);
        } catch (StackStartException notReady) {
            if (!isHosted()) {
                throw notReady;
            }
            // the host's log says which subgraph failed; this one's log says why
            throw new StackStartException(notReady.getMessage() + System.lineSeparator() + subgraph.name()
                    + "'s log: " + logFile.toAbsolutePath() + System.lineSeparator()
                    + ManagedProcess.tail(logFile, 40), notReady);
        }
    }

    public void stop() {
        ManagedProcess current = process;
        SubgraphHostProcess hostedIn = host;
        process = null;
        host = null;
        if (hostedIn != null) {
            hostedIn.stop(subgraph.name());
        } else if (current != null) {
            current.stop(Duration.ofSeconds(15));
        }
    }

    /** The process it runs in (the subgraph host's, when hosted). */
    ManagedProcess process() {
        return process;
    }

    boolean isHosted() {
        return host != null;
    }
}
