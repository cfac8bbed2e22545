package com.cycube.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The options of a {@link LocalStack} ({@link LocalStack#builder()}); defaults: conventional ports, in-memory store,
 * every component. Subgraph names are checked against {@link Subgraphs#FILE} when the stack is built.
 */
public final class LocalStackBuilder {

    Path repositoryRoot;
    Path workDirectory;
    boolean randomPorts;
    Integer routerPort;
    Integer keycloakPort;
    Integer mongoPort;
    Integer consolePort;
    final Map<String, Integer> subgraphPorts = new LinkedHashMap<>();
    Path persistentStore;
    boolean mongo = true;
    boolean keycloak = true;
    boolean router = true;
    /** The web console ({@code web/dist}); skipped with a message when it is not built. */
    boolean console = true;
    /** null: every subgraph. */
    Set<String> subgraphNames;
    /** Two or more subgraphs run in one JVM ({@link SubgraphHostProcess}, ADR 26); false: a JVM each, as in production. */
    boolean subgraphsInOneJvm = true;
    String routerLogLevel = "info";
    /** Extra environment of every subgraph process, e.g. a benchmark's higher subscription caps. */
    final Map<String, String> subgraphEnvironment = new LinkedHashMap<>();
    /** Extra environment of the router process, e.g. a test's tracing settings. */
    final Map<String, String> routerEnvironment = new LinkedHashMap<>();
    Duration keycloakTimeout = KeycloakServer.DEFAULT_TIMEOUT;
    Duration subgraphTimeout = SubgraphProcess.DEFAULT_TIMEOUT;
    Duration routerTimeout = RouterProcess.DEFAULT_TIMEOUT;
    Consumer<String> progress = message -> System.err.println("[cycube] " + message);

    LocalStackBuilder() {
    }

    /** The clone to run from; by default found upwards from the working directory. */
    public LocalStackBuilder repositoryRoot(Path root) {
        this.repositoryRoot = root;
        return this;
    }

    /** Where logs ({@code logs/}) and Keycloak's home ({@code keycloak/}) go; by default a new temporary folder. */
    public LocalStackBuilder workDirectory(Path directory) {
        this.workDirectory = directory;
        return this;
    }

    /** Every component on a free port chosen at start (for tests: stacks never clash). */
    public LocalStackBuilder randomPorts() {
        this.randomPorts = true;
        return this;
    }

    /** The conventional ports of docs/CONVENTIONS-LOCAL.md and schema/subgraphs.json (the default). */
    public LocalStackBuilder conventionalPorts() {
        this.randomPorts = false;
        return this;
    }

    /** 0 means a free port. */
    public LocalStackBuilder routerPort(int port) {
        this.routerPort = port;
        return this;
    }

    public LocalStackBuilder keycloakPort(int port) {
        this.keycloakPort = port;
        return this;
    }

    public LocalStackBuilder mongoPort(int port) {
        this.mongoPort = port;
        return this;
    }

    /** The web console's port (0: a free one); 5173 by default. */
    public LocalStackBuilder consolePort(int port) {
        this.consolePort = port;
        return this;
    }

    public LocalStackBuilder subgraphPort(String name, int port) {
        subgraphPorts.put(name, port);
        return this;
    }

    /** An empty store in memory (the default). */
    public LocalStackBuilder inMemoryStore() {
        this.persistentStore = null;
        return this;
    }

    /** A store persisted in an H2 file, e.g. {@code .cycube/data/mongo.mv}. */
    public LocalStackBuilder persistentStore(Path file) {
        this.persistentStore = file;
        return this;
    }

    public LocalStackBuilder withoutRouter() {
        this.router = false;
        return this;
    }

    /** No web console (by default the stack serves {@code web/dist} when it is built). */
    public LocalStackBuilder withoutConsole() {
        this.console = false;
        return this;
    }

    public LocalStackBuilder withoutKeycloak() {
        this.keycloak = false;
        return this;
    }

    /** Runs only these subgraphs (none when empty); by default every subgraph of {@link Subgraphs#FILE}. */
    public LocalStackBuilder subgraphs(String... names) {
        this.subgraphNames = new LinkedHashSet<>(Arrays.asList(names));
        return this;
    }

    public LocalStackBuilder withoutSubgraphs() {
        return subgraphs();
    }

    /**
     * Runs only the named components: {@value LocalStack#MONGO}, {@value LocalStack#KEYCLOAK},
     * {@value LocalStack#ROUTER}, {@value LocalStack#WEB} and subgraph names, e.g. {@code only(List.of("mongo", "keycloak"))}.
     */
    public LocalStackBuilder only(Collection<String> components) {
        Set<String> wanted = new LinkedHashSet<>();
        components.forEach(component -> wanted.add(component.trim().toLowerCase(Locale.ROOT)));
        wanted.remove("");
        this.mongo = wanted.remove(LocalStack.MONGO);
        this.keycloak = wanted.remove(LocalStack.KEYCLOAK);
        this.router = wanted.remove(LocalStack.ROUTER);
        this.console = wanted.remove(LocalStack.WEB);
        this.subgraphNames = wanted;
        return this;
    }

    /** The router's LOG_LEVEL (trace, debug, info, warn, error); info by default. */
    /**
     * One more setting for every subgraph, as its environment variable ({@code CYCUBE_LIVE_MAX_SUBSCRIPTIONS_PER_USER});
     * it wins over the stack's own.
     */
    public LocalStackBuilder subgraphSetting(String variable, String value) {
        subgraphEnvironment.put(variable, value);
        return this;
    }

    /** One more environment variable for the router ({@code TELEMETRY_TRACING_SAMPLING_RATE}); it wins over the stack's own. */
    public LocalStackBuilder routerSetting(String variable, String value) {
        routerEnvironment.put(variable, value);
        return this;
    }

    public LocalStackBuilder routerLogLevel(String level) {
        this.routerLogLevel = level;
        return this;
    }

    /** How long each component may take to get ready (Keycloak gets two more minutes on its very first start). */
    public LocalStackBuilder timeout(Duration timeout) {
        this.keycloakTimeout = timeout;
        this.subgraphTimeout = timeout;
        this.routerTimeout = timeout;
        return this;
    }

    public LocalStackBuilder keycloakTimeout(Duration timeout) {
        this.keycloakTimeout = timeout;
        return this;
    }

    /**
     * Runs every subgraph in a JVM of its own (as production runs them) instead of all of them in the one subgraph
     * host JVM of the local stack (ADR 26).
     */
    public LocalStackBuilder subgraphsInSeparateJvms() {
        this.subgraphsInOneJvm = false;
        return this;
    }

    public LocalStackBuilder subgraphTimeout(Duration timeout) {
        this.subgraphTimeout = timeout;
        return this;
    }

    public LocalStackBuilder routerTimeout(Duration timeout) {
        this.routerTimeout = timeout;
        return this;
    }

    /** Where progress lines go; standard error with a {@code [cycube]} prefix by default. */
    public LocalStackBuilder progress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    public LocalStackBuilder quiet() {
        return progress(message -> { });
    }

    /**
     * The stack, not started yet: the subgraphs are read and the ports chosen now, so its addresses are known before
     * {@link LocalStack#start()}.
     */
    public LocalStack build() {
        Path root = (repositoryRoot != null ? repositoryRoot : LocalStack.findRepositoryRoot(Path.of("")))
                .toAbsolutePath().normalize();
        Subgraphs known = Subgraphs.read(root);
        subgraphPorts.keySet().forEach(known::named);
        return new LocalStack(this, StackAddresses.choose(this, root, selectedSubgraphs(known)));
    }

    /** The selected subgraphs in the list's (start) order; an unknown name fails. */
    private List<Subgraph> selectedSubgraphs(Subgraphs known) {
        if (subgraphNames == null) {
            return known.all();
        }
        for (String name : subgraphNames) {
            try {
                known.named(name);
            } catch (NoSuchElementException unknown) {
                throw new IllegalArgumentException("unknown component '" + name + "'; components are "
                        + LocalStack.MONGO + ", " + LocalStack.KEYCLOAK + ", " + LocalStack.ROUTER + ", " + LocalStack.WEB
                        + " and the subgraphs "
                        + known.names());
            }
        }
        return known.all().stream().filter(subgraph -> subgraphNames.contains(subgraph.name())).toList();
    }
}
