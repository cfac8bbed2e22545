package com.cycube.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole supergraph on one machine: the embedded MongoDB-compatible store (in this JVM), Keycloak with the
 * {@code cycube} realm, every subgraph of {@code schema/subgraphs.json} from its runnable jar (all of them in one JVM, the
 * subgraph host of ADR 26, unless {@link LocalStackBuilder#subgraphsInSeparateJvms()}), and Hive Router in front.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().randomPorts().build().start()) {
 *     String token = stack.token("trainee@acme.test");
 *     // POST to stack.routerUrl() with "Authorization: Bearer " + token
 * }
 * }</pre>
 *
 * The jobs are split: {@link LocalStackBuilder} holds the options, {@link StackAddresses} the ports and URLs chosen
 * when the stack is built, {@link StackStartUp} the start order (store; Keycloak and the subgraphs side by side; the
 * router once every subgraph is ready; the web console), {@link StackProcesses} what runs and its control. {@link #close()} stops
 * everything in reverse order; a JVM shutdown hook does the same if the JVM exits first.
 */
public final class LocalStack implements AutoCloseable {

    public static final int DEFAULT_ROUTER_PORT = 4000;
    public static final int DEFAULT_KEYCLOAK_PORT = 8180;
    public static final int DEFAULT_MONGO_PORT = 27018;
    /** GreenMail's conventional SMTP port, and a mailbox page on the port mail catchers usually use. */
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_MAILBOX_PORT = 8025;
    /** The web console: Vite's port, the origin the dev realm's redirect URIs and the router's CORS allow. */
    public static final int DEFAULT_CONSOLE_PORT = 5173;

    /** Component names for {@link LocalStackBuilder#only}; subgraphs are named by their own names. */
    public static final String MONGO = "mongo";
    public static final String KEYCLOAK = "keycloak";
    public static final String ROUTER = "router";
    /** The web console ({@link WebConsole}, {@code web/dist}). */
    public static final String WEB = "web";
    /** The local SMTP server and its mailbox page (runs with Keycloak or any subgraph; not a component of {@code only}). */
    public static final String MAIL = "mail";

    private final LocalStackBuilder options;
    private final StackAddresses addresses;
    private final StackProcesses processes;
    private Thread shutdownHook;

    LocalStack(LocalStackBuilder options, StackAddresses addresses) {
        this.options = options;
        this.addresses = addresses;
        this.processes = new StackProcesses(addresses, options.subgraphTimeout, options.subgraphEnvironment, options.progress);
    }

    public static LocalStackBuilder builder() {
        return new LocalStackBuilder();
    }

    // ------------------------------------------------------------------------------------------------ life cycle

    /** Starts every selected component and returns when all of them are ready; on failure stops what started. */
    public LocalStack start() {
        long started = System.nanoTime();
        try {
            StackStartUp startUp = new StackStartUp(options, addresses, processes);
            startUp.checkPrerequisites();
            shutdownHook = new Thread(this::close, "cycube-local-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            startUp.run();
            options.progress.accept(String.format(Locale.ROOT, "stack ready in %.1f s", (System.nanoTime() - started) / 1e9));
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Stops one subgraph (and waits until it is gone), e.g. to test that the router degrades only its fields. */
    public void stopSubgraph(String name) {
        processes.stopSubgraph(name);
    }

    /** Starts a stopped subgraph again on the same port and returns once it is ready. */
    public void startSubgraph(String name) {
        processes.startSubgraph(name);
    }

    /**
     * Starts a second instance of a running subgraph on a free port, sharing its database (as a scaled-out
     * deployment would), and returns its GraphQL URL. The router keeps using the first instance, so a change made
     * through this one and a subscriber connected through the router meet only through the database. Stopped with
     * the stack.
     */
    public String startExtraInstance(String name) {
        return processes.startExtraInstance(name);
    }

    /**
     * Whether a component ({@link #MONGO}, {@link #KEYCLOAK}, {@link #ROUTER}, {@link #WEB}, {@link #MAIL} or a
     * subgraph's name) is running right now.
     */
    public boolean isRunning(String component) {
        return processes.isRunning(component);
    }

    /**
     * The operating-system process of each component that runs in its own process (Keycloak, the subgraph host as
     * {@code "subgraphs"} — or every subgraph, when they run in JVMs of their own — and the router), by component
     * name; the embedded store runs inside the JVM that started the stack.
     */
    public Map<String, Long> processIds() {
        return processes.processIds();
    }

    /** The child processes of the stack that have exited although nobody stopped them (for the launcher's watch). */
    List<ManagedProcess> exitedProcesses() {
        return processes.exitedProcesses();
    }

    /** Stops everything that runs, in reverse start order. Safe to call more than once. */
    @Override
    public synchronized void close() {
        processes.close();
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyShuttingDown) {
                // the hook is running or about to; nothing left for it to do
            }
            shutdownHook = null;
        }
    }

    // ------------------------------------------------------------------------------------------------ tokens

    /** An access token of a seed user (password {@code cycube-dev}), by the password grant of {@code cycube-dev}. */
    public String token(String email) {
        return token(email, Tokens.DEV_PASSWORD);
    }

    public String token(String email, String password) {
        return new Tokens(tokenEndpoint()).password(email, password);
    }

    /** An integration client's access token, e.g. {@code clientCredentialsToken("acme-hr-integration", "acme-hr-dev-secret")}. */
    public String clientCredentialsToken(String clientId, String clientSecret) {
        return new Tokens(tokenEndpoint()).clientCredentials(clientId, clientSecret);
    }

    // ------------------------------------------------------------------------------------------------ addresses

    public Path repositoryRoot() {
        return addresses.repositoryRoot;
    }

    /** {@code http://localhost:<router>/graphql} (GraphQL over HTTP and WebSocket, and the IDE page in a browser) */
    public String routerUrl() {
        return addresses.routerUrl();
    }

    /** {@code http://localhost:<router>} */
    public String routerBaseUrl() {
        return addresses.routerBaseUrl();
    }

    public int routerPort() {
        return addresses.routerPort;
    }

    /** {@code ws://localhost:<router>/graphql} (subscriptions over graphql-transport-ws) */
    public String routerWsUrl() {
        return addresses.routerWsUrl();
    }

    /**
     * {@code http://localhost:<console>}: the web console, when {@code isRunning(LocalStack.WEB)} (it is served only
     * when {@code web/dist} is built).
     */
    public String consoleUrl() {
        return addresses.consoleUrl();
    }

    public int consolePort() {
        return addresses.consolePort;
    }

    /** {@code http://localhost:<keycloak>} */
    public String keycloakUrl() {
        return addresses.keycloakUrl();
    }

    public int keycloakPort() {
        return addresses.keycloakPort;
    }

    /** {@code http://localhost:<keycloak>/realms/cycube} */
    public String issuerUri() {
        return addresses.issuerUri();
    }

    /** {@code http://localhost:<keycloak>/realms/cycube/protocol/openid-connect/certs} */
    public String jwksUri() {
        return addresses.jwksUri();
    }

    /** {@code http://localhost:<keycloak>/realms/cycube/protocol/openid-connect/token} */
    public String tokenEndpoint() {
        return addresses.tokenEndpoint();
    }

    public int mongoPort() {
        return addresses.mongoPort;
    }

    /** Every e-mail the stack sent so far, oldest first (the local SMTP server catches them all). */
    public List<MailCatcher.Mail> mail() {
        MailCatcher mail = processes.mail();
        return mail == null ? List.of() : mail.messages();
    }

    /** The page that shows every e-mail the stack sent. */
    public String mailboxUrl() {
        return addresses.mailboxUrl();
    }

    public int smtpPort() {
        return addresses.smtpPort;
    }

    /** {@code mongodb://localhost:<store>} */
    public String mongoConnectionString() {
        return addresses.mongoConnectionString();
    }

    /** {@code mongodb://localhost:<store>/<database>}, e.g. {@code mongoUri("cycube-identity")} */
    public String mongoUri(String database) {
        return addresses.mongoConnectionString() + "/" + database;
    }

    /** The names of the subgraphs this stack runs, in start order. */
    public List<String> subgraphNames() {
        return addresses.subgraphNames();
    }

    public int subgraphPort(String name) {
        return addresses.subgraphPort(name);
    }

    /** {@code http://127.0.0.1:<port>/graphql} of one subgraph, bypassing the router. */
    public String subgraphUrl(String name) {
        return addresses.subgraphUrl(name);
    }

    /** Where logs and Keycloak's home live (a new temporary folder unless the builder named one). */
    public Path workDirectory() {
        return addresses.workDirectory;
    }

    public Path logDirectory() {
        return addresses.logDirectory();
    }

    /** {@code <logs>/<component>.log}, e.g. {@code logFile("identity")} or {@code logFile(LocalStack.KEYCLOAK)}. */
    public Path logFile(String component) {
        return addresses.logFile(component);
    }

    /** The folder holding {@code dev/local-stack/pom.xml}, searched upwards from {@code start}. */
    static Path findRepositoryRoot(Path start) {
        String configured = System.getProperty("cycube.repository.root", System.getenv("CYCUBE_REPOSITORY_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("dev/local-stack/pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new StackStartException("cannot find the repository root (a folder with dev/local-stack/pom.xml) above "
                + start.toAbsolutePath() + "; pass it with LocalStack.builder().repositoryRoot(...)");
    }
}
