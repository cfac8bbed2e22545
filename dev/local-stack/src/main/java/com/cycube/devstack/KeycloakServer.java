package com.cycube.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keycloak in development mode with the {@code cycube} realm: the production realm {@code keycloak/cycube-realm.json}
 * with the development overlay {@code keycloak/cycube-realm-dev.json} merged over it ({@link DevRealm}: seed users,
 * the password-grant client, known secrets, localhost redirect URIs), written into the import folder of every start.
 *
 * <p>Every server gets its own home directory (its {@code bin/} and {@code data/}; the distribution's {@code lib/},
 * {@code conf/}, {@code themes/} and {@code providers/} are symbolic links into the shared unpacked distribution) and an
 * in-memory database ({@code --db=dev-mem}), so every start imports the realm file fresh and two servers never share
 * state. The database kind is a build-time option: the first start on a machine runs Keycloak's build step (tens of
 * seconds) under a lock, later starts with the same build options reuse it.
 */
public final class KeycloakServer {

    public static final String REALM = "cycube";
    /** The production realm file, which the local stack never imports alone. */
    public static final String REALM_FILE = DevRealm.PRODUCTION_FILE;
    /** The development overlay merged over {@link #REALM_FILE} (only here, never in production). */
    public static final String DEV_REALM_FILE = DevRealm.OVERLAY_FILE;
    /** The web console's origin on a laptop (the stack's console, or Vite), for the realm's {@code ${CYCUBE_WEB_URL}}. */
    public static final String LOCAL_WEB_URL = "http://localhost:5173";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(4);

    /** Build-time options: they must be the same on every start, or Keycloak rebuilds itself (and races). */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem");
    private static final String BUILT_MARKER = ".cycube-built-dev-mem";
    private static final String JVM_HEAP = "-Xms64m -Xmx512m";
    /**
     * A development server's JVM: the client compiler only starts it sooner and keeps it
     * smaller on a laptop (ADR 26); production's Keycloak runs with its own defaults.
     */
    private static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1";

    private final Path distribution;
    private final Path home;
    private final Path realmFile;
    private final Path devRealmFile;
    private final int port;
    private final int managementPort;
    private final int smtpPort;
    private final String webUrl;
    private final Path logFile;
    private volatile ManagedProcess process;
    private boolean stopped;

    /**
     * @param distribution the unpacked distribution ({@link KeycloakDistribution#ensureUnpacked})
     * @param home         this server's own home directory (created; its data/ is replaced on every start)
     * @param realmFile    the production realm ({@link #REALM_FILE})
     * @param devRealmFile the development overlay merged over it ({@link #DEV_REALM_FILE})
     */
    public KeycloakServer(Path distribution, Path home, Path realmFile, Path devRealmFile, int port, int managementPort,
                          int smtpPort, Path logFile) {
        this(distribution, home, realmFile, devRealmFile, port, managementPort, smtpPort, LOCAL_WEB_URL, logFile);
    }

    /**
     * @param webUrl the web console's origin ({@code http://localhost:<port>}): the realm's {@code ${CYCUBE_WEB_URL}},
     *               a redirect URI and web origin of {@code cycube-web}
     */
    public KeycloakServer(Path distribution, Path home, Path realmFile, Path devRealmFile, int port, int managementPort,
                          int smtpPort, String webUrl, Path logFile) {
        this.distribution = distribution.toAbsolutePath();
        this.home = home.toAbsolutePath();
        this.realmFile = realmFile;
        this.devRealmFile = devRealmFile;
        this.port = port;
        this.managementPort = managementPort;
        this.smtpPort = smtpPort;
        this.webUrl = webUrl;
        this.logFile = logFile;
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>} */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** {@code http://localhost:<port>/realms/cycube}, the {@code iss} of every token. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String jwksUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    public String tokenEndpoint() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    URI readinessUri() {
        return URI.create(issuerUri() + "/.well-known/openid-configuration");
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        ManagedProcess current = process;
        return current != null && current.isAlive();
    }

    /** Starts Keycloak and returns when the realm answers its OpenID discovery document. */
    public void startAndAwait(Duration timeout, Consumer<String> progress) {
        for (Path file : List.of(realmFile, devRealmFile)) {
            if (!Files.isRegularFile(file)) {
                throw new StackStartException("the realm file " + file + " is missing");
            }
        }
        if (Files.exists(distribution.resolve(BUILT_MARKER))) {
            start();
            process.awaitHttpOk(readinessUri(), timeout);
            return;
        }
        // First start on this machine with our build options: Keycloak builds itself into the shared lib/quarkus,
        // so only one server may do it at a time.
        KeycloakDistribution.withLock(distribution.resolveSibling(KeycloakDistribution.VERSION + ".build.lock"), () -> {
            boolean built = Files.exists(distribution.resolve(BUILT_MARKER));
            if (!built) {
                progress.accept("first Keycloak start on this machine: it builds itself first (about a minute)");
            }
            start();
            process.awaitHttpOk(readinessUri(), built ? timeout : timeout.plusMinutes(2));
            Files.writeString(distribution.resolve(BUILT_MARKER), String.join(" ", BUILD_OPTIONS));
            return null;
        });
    }

    /** Refuses once {@link #stop()} was called, so a stop that races a start never leaves Keycloak running. */
    private synchronized void start() {
        if (stopped) {
            throw new StackStartException("Keycloak was stopped before it started");
        }
        prepareHome();
        process = ManagedProcess.start("keycloak", command(), environment(), home, logFile);
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.add("start-dev");
        command.addAll(BUILD_OPTIONS);
        command.add("--http-port=" + port);
        // Only used if health or metrics get enabled; never the fixed 9000 that a second server would clash on.
        command.add("--http-management-port=" + managementPort);
        command.add("--import-realm");
        return command;
    }

    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", JVM_HEAP);
        env.put("JAVA_OPTS_APPEND", JVM_OPTIONS);
        // Development only: the admin console login of this throwaway, in-memory master realm.
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Resolves the realm's ${CYCUBE_WEB_URL} at import: this stack's console (on a random port in tests); the dev
        // overlay lists the conventional local origins besides it.
        env.put("CYCUBE_WEB_URL", webUrl);
        // Resolves the dev overlay's smtpServer port: invitations and password resets go to the local mailbox.
        env.put("CYCUBE_SMTP_PORT", Integer.toString(smtpPort));
        return env;
    }

    /** Lays out this server's home: own bin/ and data/, everything else linked to the shared distribution. */
    private void prepareHome() {
        try {
            Files.createDirectories(home);
            try (Stream<Path> entries = Files.list(distribution)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (name.equals("bin") || name.equals("data") || name.startsWith(".")) {
                        continue;
                    }
                    Path link = home.resolve(name);
                    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, entry);
                    }
                }
            }
            // kc.sh finds its home through `readlink -f $0`, so bin/ must be a real copy, not a link.
            Path bin = Files.createDirectories(home.resolve("bin"));
            Path kcSh = bin.resolve("kc.sh");
            Files.copy(distribution.resolve("bin/kc.sh"), kcSh, StandardCopyOption.REPLACE_EXISTING);
            kcSh.toFile().setExecutable(true, false);
            Path data = home.resolve("data");
            KeycloakDistribution.deleteRecursively(data);
            Path importDir = Files.createDirectories(data.resolve("import"));
            // The production realm plus the dev overlay, merged: Keycloak imports this file only.
            DevRealm.write(realmFile, devRealmFile, importDir.resolve(realmFile.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Keycloak home " + home, e);
        }
    }

    /** Stops Keycloak (kc.sh and its JVM) and waits until it is gone. */
    public synchronized void stop() {
        stopped = true;
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    ManagedProcess process() {
        return process;
    }
}
