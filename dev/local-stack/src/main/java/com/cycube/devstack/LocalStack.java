package com.cycube.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The whole supergraph on one machine: the embedded MongoDB-compatible store (in this JVM), Keycloak with the
 * {@code cycube} realm, every subgraph's runnable jar, and Hive Router in front.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().randomPorts().build().start()) {
 *     String token = stack.token("trainee@acme.test");
 *     // POST to stack.routerUrl() with "Authorization: Bearer " + token
 * }
 * }</pre>
 *
 * Start order: the store, then Keycloak and the subgraphs side by side (subgraphs fetch Keycloak's keys lazily, on the
 * first token they see), then the router once every subgraph is ready. {@link #close()} stops everything in reverse
 * order; a JVM shutdown hook does the same if the JVM exits first.
 */
public final class LocalStack implements AutoCloseable {

    public static final int DEFAULT_ROUTER_PORT = 4000;
    public static final int DEFAULT_KEYCLOAK_PORT = 8180;
    public static final int DEFAULT_MONGO_PORT = 27018;

    /** Component names for {@link Builder#only(Collection)}; subgraphs are named by their own names. */
    public static final String MONGO = "mongo";
    public static final String KEYCLOAK = "keycloak";
    public static final String ROUTER = "router";

    private final Builder config;
    private final Path repositoryRoot;
    private final Path workDirectory;
    private final int routerPort;
    private final int keycloakPort;
    private final int keycloakManagementPort;
    private final int mongoPort;
    private final Map<String, Integer> subgraphPorts;
    private final Consumer<String> progress;

    private EmbeddedMongo mongo;
    private volatile KeycloakServer keycloak;
    private final Map<String, SubgraphProcess> subgraphs = new LinkedHashMap<>();
    private volatile RouterProcess router;
    private Thread shutdownHook;
    private volatile boolean closed;

    private LocalStack(Builder config) {
        this.config = config;
        this.repositoryRoot = (config.repositoryRoot != null ? config.repositoryRoot : findRepositoryRoot(Path.of("")))
                .toAbsolutePath().normalize();
        this.workDirectory = config.workDirectory != null ? config.workDirectory.toAbsolutePath() : createTempWorkDir();
        this.progress = config.progress;
        this.routerPort = port(config.routerPort, DEFAULT_ROUTER_PORT);
        this.keycloakPort = port(config.keycloakPort, DEFAULT_KEYCLOAK_PORT);
        this.keycloakManagementPort = Ports.freePort();
        this.mongoPort = port(config.mongoPort, DEFAULT_MONGO_PORT);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Subgraph subgraph : config.selectedSubgraphs()) {
            ports.put(subgraph.name(), port(config.subgraphPorts.get(subgraph.name()), subgraph.defaultPort()));
        }
        this.subgraphPorts = java.util.Collections.unmodifiableMap(ports); // keeps the start order
    }

    public static Builder builder() {
        return new Builder();
    }

    private int port(Integer explicit, int conventional) {
        if (explicit != null) {
            return explicit == 0 ? Ports.freePort() : explicit;
        }
        return config.randomPorts ? Ports.freePort() : conventional;
    }

    // ------------------------------------------------------------------------------------------------ life cycle

    /** Starts every selected component and returns when all of them are ready; on failure stops what started. */
    public LocalStack start() {
        long started = System.nanoTime();
        try {
            checkPrerequisites();
            shutdownHook = new Thread(this::close, "cycube-local-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            if (config.mongo) {
                synchronized (this) {
                    requireOpen();
                    mongo = config.persistentStore != null
                            ? EmbeddedMongo.persistent(config.persistentStore, mongoPort)
                            : EmbeddedMongo.inMemory(mongoPort);
                }
                progress.accept("store: " + mongo.connectionString()
                        + mongo.file().map(f -> " (persisted in " + f + ")").orElse(" (in memory)"));
            }
            startInParallel();
            progress.accept(String.format(Locale.ROOT, "stack ready in %.1f s", (System.nanoTime() - started) / 1e9));
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void checkPrerequisites() {
        List<Integer> fixedPorts = new ArrayList<>();
        if (config.router) {
            RouterProcess.requireFiles(repositoryRoot);
            fixedPorts.add(routerPort);
        }
        if (config.keycloak) {
            Path realm = repositoryRoot.resolve(KeycloakServer.REALM_FILE);
            if (!Files.isRegularFile(realm)) {
                throw new StackStartException("the realm file " + realm + " is missing");
            }
            fixedPorts.add(keycloakPort);
        }
        if (config.mongo) {
            fixedPorts.add(mongoPort);
        }
        for (Subgraph subgraph : config.selectedSubgraphs()) {
            SubgraphProcess.locateJar(repositoryRoot, subgraph);
            fixedPorts.add(subgraphPorts.get(subgraph.name()));
        }
        for (int port : fixedPorts) {
            if (!Ports.isFree(port)) {
                throw new StackStartException("port " + port + " is already in use by another process (is a stack "
                        + "already running? `ss -ltnp | grep :" + port + "` shows who)");
            }
        }
    }

    private void startInParallel() {
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        try {
            List<Future<?>> tasks = new ArrayList<>();
            Future<Path> routerBinary = null;
            if (config.router) {
                routerBinary = executor.submit(() ->
                        RouterProcess.ensureBinary(repositoryRoot, logDirectory().resolve("router-binary.log"), progress));
            }
            if (config.keycloak) {
                tasks.add(executor.submit(() -> {
                    long t0 = System.nanoTime();
                    Path distribution = KeycloakDistribution.ensureUnpacked(progress);
                    keycloak = new KeycloakServer(distribution, workDirectory.resolve("keycloak"),
                            repositoryRoot.resolve(KeycloakServer.REALM_FILE), keycloakPort, keycloakManagementPort,
                            logFile(KEYCLOAK));
                    if (closed) {
                        return null;
                    }
                    keycloak.startAndAwait(config.keycloakTimeout, progress);
                    progress.accept(String.format(Locale.ROOT, "keycloak ready in %.1f s: %s",
                            (System.nanoTime() - t0) / 1e9, keycloak.baseUrl()));
                    return null;
                }));
            }
            for (Subgraph subgraph : config.selectedSubgraphs()) {
                SubgraphProcess process = newSubgraphProcess(subgraph);
                synchronized (this) { // close() either sees the process or the start sees that it was closed
                    requireOpen();
                    subgraphs.put(subgraph.name(), process);
                    process.start();
                }
                tasks.add(executor.submit(() -> {
                    long t0 = System.nanoTime();
                    process.awaitReady(config.subgraphTimeout);
                    progress.accept(String.format(Locale.ROOT, "%s ready in %.1f s: %s", subgraph.name(),
                            (System.nanoTime() - t0) / 1e9, process.graphqlUrl()));
                    return null;
                }));
            }
            awaitAll(tasks);
            if (config.router) {
                Path binary = await(routerBinary);
                synchronized (this) {
                    requireOpen();
                    router = new RouterProcess(repositoryRoot, routerPort, routerEnvironment(), logFile(ROUTER));
                    router.start(binary);
                }
                router.awaitReady(config.routerTimeout);
                progress.accept("router ready: " + routerUrl());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StackStartException("the stack was stopped while it started");
        }
    }

    /** Waits for every task; the first failure cancels the others and is thrown with the rest attached. */
    private static void awaitAll(List<Future<?>> tasks) {
        RuntimeException failure = null;
        List<Future<?>> pending = new ArrayList<>(tasks);
        while (!pending.isEmpty() && failure == null) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                Future<?> task = it.next();
                if (task.isDone()) {
                    it.remove();
                    try {
                        await(task);
                    } catch (RuntimeException e) {
                        failure = e;
                        break;
                    }
                }
            }
            if (failure == null && !pending.isEmpty()) {
                ManagedProcess.sleep(Duration.ofMillis(200));
            }
        }
        if (failure != null) {
            pending.forEach(task -> task.cancel(true));
            throw failure;
        }
    }

    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StackStartException(e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while starting the stack", e);
        }
    }

    private SubgraphProcess newSubgraphProcess(Subgraph subgraph) {
        int port = subgraphPorts.get(subgraph.name());
        return new SubgraphProcess(subgraph, SubgraphProcess.locateJar(repositoryRoot, subgraph), port,
                SubgraphProcess.environment(subgraph, port, mongoPort, keycloakPort), logFile(subgraph.name()));
    }

    private Map<String, String> routerEnvironment() {
        Map<String, String> urls = new LinkedHashMap<>();
        subgraphPorts.keySet().forEach(name -> urls.put(name, subgraphUrl(name)));
        return RouterEnvironment.of(routerPort,
                repositoryRoot.resolve(RouterProcess.CONFIG_FILE).toString(),
                repositoryRoot.resolve(RouterProcess.SUPERGRAPH_FILE).toString(),
                issuerUri(), jwksUri(), urls, config.routerLogLevel);
    }

    /** Stops one subgraph (and waits until it is gone), e.g. to test that the router degrades only its fields. */
    public void stopSubgraph(String name) {
        SubgraphProcess process;
        synchronized (this) {
            process = subgraphProcess(name);
        }
        process.stop();
        progress.accept(name + " stopped");
    }

    /** Starts a stopped subgraph again on the same port and returns once it is ready. */
    public void startSubgraph(String name) {
        SubgraphProcess process;
        synchronized (this) {
            requireOpen();
            process = subgraphProcess(name);
            process.start();
        }
        process.awaitReady(config.subgraphTimeout);
        progress.accept(name + " ready again: " + process.graphqlUrl());
    }

    /**
     * Starts a second instance of a running subgraph on a free port, sharing its database (as a scaled-out
     * deployment would), and returns its GraphQL URL. The router keeps using the first instance, so a change made
     * through this one and a subscriber connected through the router meet only through the database. Stopped with
     * the stack.
     */
    public String startExtraInstance(String name) {
        Subgraph subgraph = Subgraph.named(name);
        int port = Ports.freePort();
        SubgraphProcess process = new SubgraphProcess(subgraph, SubgraphProcess.locateJar(repositoryRoot, subgraph), port,
                SubgraphProcess.environment(subgraph, port, mongoPort, keycloakPort), logFile(name + "-" + port));
        synchronized (this) {
            requireOpen();
            subgraphs.put(name + "#" + port, process);
            process.start();
        }
        process.awaitReady(config.subgraphTimeout);
        progress.accept(name + " second instance ready: " + process.graphqlUrl());
        return process.graphqlUrl();
    }

    /** Stops everything that runs, in reverse start order. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Runnable> steps = new ArrayList<>();
        if (router != null || !subgraphs.isEmpty() || keycloak != null || mongo != null) {
            progress.accept("stopping the stack");
        }
        if (router != null) {
            steps.add(router::stop);
        }
        List<SubgraphProcess> reversed = new ArrayList<>(subgraphs.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(process -> steps.add(process::stop));
        if (keycloak != null) {
            steps.add(keycloak::stop);
        }
        if (mongo != null) {
            steps.add(mongo::close);
        }
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                System.err.println("[cycube] while stopping: " + e);
            }
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyShuttingDown) {
                // the hook is running or about to; nothing left for it to do
            }
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
        return repositoryRoot;
    }

    /** {@code http://localhost:<router>/graphql} (GraphQL over HTTP and WebSocket, and the IDE page in a browser) */
    public String routerUrl() {
        return routerBaseUrl() + RouterProcess.GRAPHQL_PATH;
    }

    /** {@code http://localhost:<router>} */
    public String routerBaseUrl() {
        return "http://localhost:" + routerPort;
    }

    public int routerPort() {
        return routerPort;
    }

    /** {@code http://localhost:<keycloak>} */
    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public int keycloakPort() {
        return keycloakPort;
    }

    /** {@code http://localhost:<keycloak>/realms/cycube} */
    public String issuerUri() {
        return keycloakUrl() + "/realms/" + KeycloakServer.REALM;
    }

    /** {@code http://localhost:<keycloak>/realms/cycube/protocol/openid-connect/certs} */
    public String jwksUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    /** {@code http://localhost:<keycloak>/realms/cycube/protocol/openid-connect/token} */
    public String tokenEndpoint() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    public int mongoPort() {
        return mongoPort;
    }

    /** {@code mongodb://localhost:<store>} */
    public String mongoConnectionString() {
        return "mongodb://localhost:" + mongoPort;
    }

    /** {@code mongodb://localhost:<store>/<database>}, e.g. {@code mongoUri("cycube-identity")} */
    public String mongoUri(String database) {
        return mongoConnectionString() + "/" + database;
    }

    /** The names of the subgraphs this stack runs, in start order. */
    public List<String> subgraphNames() {
        return List.copyOf(subgraphPorts.keySet());
    }

    public int subgraphPort(String name) {
        Integer port = subgraphPorts.get(name);
        if (port == null) {
            throw new IllegalArgumentException("this stack runs no subgraph '" + name + "'; it runs "
                    + subgraphPorts.keySet());
        }
        return port;
    }

    /** {@code http://localhost:<port>/graphql} of one subgraph, bypassing the router. */
    public String subgraphUrl(String name) {
        return "http://127.0.0.1:" + subgraphPort(name) + "/graphql";
    }

    /** Whether a component ({@link #KEYCLOAK}, {@link #ROUTER} or a subgraph's name) is running right now. */
    public synchronized boolean isRunning(String component) {
        if (KEYCLOAK.equals(component)) {
            return keycloak != null && keycloak.isRunning();
        }
        if (ROUTER.equals(component)) {
            return router != null && router.isRunning();
        }
        if (MONGO.equals(component)) {
            return mongo != null && !closed;
        }
        SubgraphProcess process = subgraphs.get(component);
        return process != null && process.isRunning();
    }

    /** The child processes of the stack that have exited although nobody stopped them (for the launcher's watch). */
    synchronized List<ManagedProcess> exitedProcesses() {
        List<ManagedProcess> exited = new ArrayList<>();
        if (closed) {
            return exited;
        }
        List<ManagedProcess> children = new ArrayList<>();
        if (keycloak != null) {
            children.add(keycloak.process());
        }
        subgraphs.values().forEach(process -> children.add(process.process()));
        if (router != null) {
            children.add(router.process());
        }
        for (ManagedProcess child : children) {
            if (child != null && !child.isAlive()) {
                exited.add(child);
            }
        }
        return exited;
    }

    /** Where logs and Keycloak's home live (a new temporary folder unless the builder named one). */
    public Path workDirectory() {
        return workDirectory;
    }

    public Path logDirectory() {
        return workDirectory.resolve("logs");
    }

    /** {@code <logs>/<component>.log}, e.g. {@code logFile("identity")} or {@code logFile(LocalStack.KEYCLOAK)}. */
    public Path logFile(String component) {
        return logDirectory().resolve(component + ".log");
    }

    private SubgraphProcess subgraphProcess(String name) {
        SubgraphProcess process = subgraphs.get(name);
        if (process == null) {
            subgraphPort(name); // throws the explanatory error for unknown names
            process = newSubgraphProcess(Subgraph.named(name));
            subgraphs.put(name, process);
        }
        return process;
    }

    // ------------------------------------------------------------------------------------------------ helpers

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

    private static Path createTempWorkDir() {
        try {
            return Files.createTempDirectory("cycube-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "cycube-stack-start-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ------------------------------------------------------------------------------------------------ builder

    /** Configures a {@link LocalStack}; defaults: conventional ports, in-memory store, every component. */
    public static final class Builder {
        private Path repositoryRoot;
        private Path workDirectory;
        private boolean randomPorts;
        private Integer routerPort;
        private Integer keycloakPort;
        private Integer mongoPort;
        private final Map<String, Integer> subgraphPorts = new LinkedHashMap<>();
        private Path persistentStore;
        private boolean mongo = true;
        private boolean keycloak = true;
        private boolean router = true;
        private Set<String> subgraphNames;
        private String routerLogLevel = "info";
        private Duration keycloakTimeout = KeycloakServer.DEFAULT_TIMEOUT;
        private Duration subgraphTimeout = SubgraphProcess.DEFAULT_TIMEOUT;
        private Duration routerTimeout = RouterProcess.DEFAULT_TIMEOUT;
        private Consumer<String> progress = message -> System.err.println("[cycube] " + message);

        private Builder() {
        }

        /** The clone to run from; by default found upwards from the working directory. */
        public Builder repositoryRoot(Path root) {
            this.repositoryRoot = root;
            return this;
        }

        /** Where logs ({@code logs/}) and Keycloak's home ({@code keycloak/}) go; by default a new temporary folder. */
        public Builder workDirectory(Path directory) {
            this.workDirectory = directory;
            return this;
        }

        /** Every component on a free port chosen at start (for tests: stacks never clash). */
        public Builder randomPorts() {
            this.randomPorts = true;
            return this;
        }

        /** The conventional ports of docs/CONVENTIONS-LOCAL.md (the default). */
        public Builder conventionalPorts() {
            this.randomPorts = false;
            return this;
        }

        /** 0 means a free port. */
        public Builder routerPort(int port) {
            this.routerPort = port;
            return this;
        }

        public Builder keycloakPort(int port) {
            this.keycloakPort = port;
            return this;
        }

        public Builder mongoPort(int port) {
            this.mongoPort = port;
            return this;
        }

        public Builder subgraphPort(String name, int port) {
            Subgraph.named(name);
            subgraphPorts.put(name, port);
            return this;
        }

        /** An empty store in memory (the default). */
        public Builder inMemoryStore() {
            this.persistentStore = null;
            return this;
        }

        /** A store persisted in an H2 file, e.g. {@code .cycube/data/mongo.mv}. */
        public Builder persistentStore(Path file) {
            this.persistentStore = file;
            return this;
        }

        public Builder withoutRouter() {
            this.router = false;
            return this;
        }

        public Builder withoutKeycloak() {
            this.keycloak = false;
            return this;
        }

        /** Runs only these subgraphs (none when empty); by default all of {@link Subgraph#ALL}. */
        public Builder subgraphs(String... names) {
            Set<String> selected = new LinkedHashSet<>();
            for (String name : names) {
                selected.add(Subgraph.named(name).name());
            }
            this.subgraphNames = selected;
            return this;
        }

        public Builder withoutSubgraphs() {
            return subgraphs();
        }

        /**
         * Runs only the named components: {@value LocalStack#MONGO}, {@value LocalStack#KEYCLOAK},
         * {@value LocalStack#ROUTER} and subgraph names, e.g. {@code only(List.of("mongo", "keycloak"))}.
         */
        public Builder only(Collection<String> components) {
            Set<String> wanted = new LinkedHashSet<>();
            components.forEach(component -> wanted.add(component.trim().toLowerCase(Locale.ROOT)));
            wanted.remove("");
            this.mongo = wanted.remove(MONGO);
            this.keycloak = wanted.remove(KEYCLOAK);
            this.router = wanted.remove(ROUTER);
            List<String> known = Subgraph.ALL.stream().map(Subgraph::name).toList();
            for (String name : wanted) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown component '" + name + "'; components are " + MONGO
                            + ", " + KEYCLOAK + ", " + ROUTER + " and the subgraphs " + known);
                }
            }
            return subgraphs(wanted.toArray(String[]::new));
        }

        /** The router's LOG_LEVEL (trace, debug, info, warn, error); info by default. */
        public Builder routerLogLevel(String level) {
            this.routerLogLevel = level;
            return this;
        }

        /** How long each component may take to get ready (Keycloak gets two more minutes on its very first start). */
        public Builder timeout(Duration timeout) {
            this.keycloakTimeout = timeout;
            this.subgraphTimeout = timeout;
            this.routerTimeout = timeout;
            return this;
        }

        public Builder keycloakTimeout(Duration timeout) {
            this.keycloakTimeout = timeout;
            return this;
        }

        public Builder subgraphTimeout(Duration timeout) {
            this.subgraphTimeout = timeout;
            return this;
        }

        public Builder routerTimeout(Duration timeout) {
            this.routerTimeout = timeout;
            return this;
        }

        /** Where progress lines go; standard error with a {@code [cycube]} prefix by default. */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        public Builder quiet() {
            return progress(message -> { });
        }

        List<Subgraph> selectedSubgraphs() {
            if (subgraphNames == null) {
                return Subgraph.ALL;
            }
            return Subgraph.ALL.stream().filter(subgraph -> subgraphNames.contains(subgraph.name())).toList();
        }

        /** The stack, not started yet: ports are chosen now, so its addresses are known before {@link #start()}. */
        public LocalStack build() {
            return new LocalStack(this);
        }
    }
}
