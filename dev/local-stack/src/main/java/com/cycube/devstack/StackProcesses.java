package com.cycube.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What of one stack runs, and the control over it: the store, Keycloak, the subgraph processes (and extra instances)
 * and the router; starting and stopping single subgraphs; closing everything in reverse start order. Every start goes
 * through a check that the stack is still open, so {@link #close()} either sees a process or the start sees that the
 * stack was closed.
 */
final class StackProcesses {

    private final StackAddresses addresses;
    private final Duration subgraphTimeout;
    private final Consumer<String> progress;

    private EmbeddedMongo mongo;
    private MailCatcher mail;
    private volatile KeycloakServer keycloak;
    private final Map<String, SubgraphProcess> subgraphs = new LinkedHashMap<>();
    private SubgraphHostProcess host;
    private volatile RouterProcess router;
    private WebConsole console;
    private volatile boolean closed;
    private final Map<String, String> subgraphEnvironment;

    StackProcesses(StackAddresses addresses, Duration subgraphTimeout, Map<String, String> subgraphEnvironment,
                   Consumer<String> progress) {
        this.addresses = addresses;
        this.subgraphTimeout = subgraphTimeout;
        this.subgraphEnvironment = Map.copyOf(subgraphEnvironment);
        this.progress = progress;
    }

    boolean isClosed() {
        return closed;
    }

    synchronized void requireOpen() {
        if (closed) {
            throw new StackStartException("the stack was stopped while it started");
        }
    }

    synchronized EmbeddedMongo startStore(Path persistentStore) {
        requireOpen();
        mongo = persistentStore != null
                ? EmbeddedMongo.persistent(persistentStore, addresses.mongoPort)
                : EmbeddedMongo.inMemory(addresses.mongoPort);
        return mongo;
    }

    synchronized MailCatcher startMail() {
        requireOpen();
        mail = MailCatcher.start(addresses.smtpPort, addresses.mailboxPort);
        return mail;
    }

    /** The local mailbox (every e-mail the stack sent); null when the stack runs neither Keycloak nor a subgraph. */
    synchronized MailCatcher mail() {
        return mail;
    }

    /**
     * Keycloak as configured for this stack, remembered so that {@link #close()} stops it; not started yet. The realm's
     * {@code ${CYCUBE_WEB_URL}} is this stack's console origin, so a console on a random port is a valid redirect URI.
     */
    KeycloakServer keycloak(Path distribution) {
        keycloak = new KeycloakServer(distribution, addresses.workDirectory.resolve("keycloak"),
                addresses.repositoryRoot.resolve(KeycloakServer.REALM_FILE),
                addresses.repositoryRoot.resolve(KeycloakServer.DEV_REALM_FILE), addresses.keycloakPort,
                addresses.keycloakManagementPort, addresses.smtpPort, addresses.consoleUrl(),
                addresses.logFile(LocalStack.KEYCLOAK));
        return keycloak;
    }

    /** Serves the web console ({@code web/dist}) on the stack's console port, configured with its addresses. */
    synchronized WebConsole startConsole() {
        requireOpen();
        console = WebConsole.start(addresses.repositoryRoot.resolve(WebConsole.DIST), addresses.consolePort,
                WebConsole.Config.of(addresses));
        return console;
    }

    /** Starts a subgraph of the stack (not waiting for it to get ready). */
    synchronized SubgraphProcess startSubgraphProcess(Subgraph subgraph) {
        requireOpen();
        SubgraphProcess process = newSubgraphProcess(subgraph, addresses.subgraphPort(subgraph.name()),
                addresses.logFile(subgraph.name()));
        subgraphs.put(subgraph.name(), process);
        process.start();
        return process;
    }

    /** Starts the given subgraphs together in one subgraph host JVM (not waiting for them to get ready). */
    synchronized List<SubgraphProcess> startSubgraphHost(List<Subgraph> hosted) {
        requireOpen();
        List<SubgraphProcess> started = new ArrayList<>();
        List<SubgraphHostProcess.Hosted> specs = new ArrayList<>();
        for (Subgraph subgraph : hosted) {
            SubgraphProcess process = newSubgraphProcess(subgraph, addresses.subgraphPort(subgraph.name()),
                    addresses.logFile(subgraph.name()));
            subgraphs.put(subgraph.name(), process);
            started.add(process);
            specs.add(new SubgraphHostProcess.Hosted(subgraph, process.jar(), process.environment(), process.logFile()));
        }
        host = SubgraphHostProcess.start(specs, addresses.workDirectory, addresses.logFile(SubgraphHostProcess.NAME));
        started.forEach(process -> process.hostedIn(host));
        return started;
    }

    synchronized RouterProcess startRouter(Path binary, String logLevel, Map<String, String> extraEnvironment) {
        requireOpen();
        Map<String, String> environment = new LinkedHashMap<>(RouterEnvironment.of(
                addresses.routerPort,
                addresses.repositoryRoot.resolve(RouterProcess.CONFIG_FILE).toString(),
                addresses.repositoryRoot.resolve(RouterProcess.SUPERGRAPH_FILE).toString(),
                addresses.issuerUri(), addresses.jwksUri(), addresses.subgraphUrls(), logLevel));
        environment.putAll(extraEnvironment);
        router = new RouterProcess(addresses.repositoryRoot, addresses.routerPort, environment,
                addresses.logFile(LocalStack.ROUTER));
        router.start(binary);
        return router;
    }

    /** Stops one subgraph (and waits until it is gone). */
    void stopSubgraph(String name) {
        SubgraphProcess process;
        synchronized (this) {
            process = subgraphProcess(name);
        }
        process.stop();
        progress.accept(name + " stopped");
    }

    /** Starts a stopped subgraph again on the same port and returns once it is ready. */
    void startSubgraph(String name) {
        SubgraphProcess process;
        synchronized (this) {
            requireOpen();
            process = subgraphProcess(name);
            process.start();
        }
        process.awaitReady(subgraphTimeout);
        progress.accept(name + " ready again: " + process.graphqlUrl());
    }

    /** A second instance of a subgraph on a free port, sharing its database; returns its GraphQL URL once ready. */
    String startExtraInstance(String name) {
        Subgraph subgraph = addresses.subgraph(name);
        int port = Ports.freePort();
        SubgraphProcess process = newSubgraphProcess(subgraph, port, addresses.logFile(name + "-" + port));
        synchronized (this) {
            requireOpen();
            subgraphs.put(name + "#" + port, process);
            process.start();
        }
        process.awaitReady(subgraphTimeout);
        progress.accept(name + " second instance ready: " + process.graphqlUrl());
        return process.graphqlUrl();
    }

    private SubgraphProcess subgraphProcess(String name) {
        SubgraphProcess process = subgraphs.get(name);
        if (process == null) {
            Subgraph subgraph = addresses.subgraph(name); // throws the explanatory error for unknown names
            process = newSubgraphProcess(subgraph, addresses.subgraphPort(name), addresses.logFile(name));
            subgraphs.put(name, process);
        }
        return process;
    }

    private SubgraphProcess newSubgraphProcess(Subgraph subgraph, int port, Path logFile) {
        Map<String, String> environment = new LinkedHashMap<>(
                SubgraphProcess.environment(subgraph, port, addresses.mongoPort, addresses.keycloakPort, addresses.smtpPort));
        environment.putAll(subgraphEnvironment);
        return new SubgraphProcess(subgraph, SubgraphProcess.locateJar(addresses.repositoryRoot, subgraph), port,
                environment, logFile);
    }

    /** Whether a component ({@link LocalStack#MONGO}, {@link LocalStack#KEYCLOAK}, {@link LocalStack#ROUTER}, {@link LocalStack#WEB} or a subgraph's name) runs now. */
    synchronized boolean isRunning(String component) {
        return switch (component) {
            case LocalStack.KEYCLOAK -> keycloak != null && keycloak.isRunning();
            case LocalStack.ROUTER -> router != null && router.isRunning();
            case LocalStack.MONGO -> mongo != null && !closed;
            case LocalStack.MAIL -> mail != null && !closed;
            case LocalStack.WEB -> console != null && !closed;
            default -> subgraphs.get(component) != null && subgraphs.get(component).isRunning();
        };
    }

    /**
     * The process id of every child process that runs now (Keycloak, each subgraph of its own, the subgraph host as
     * {@value SubgraphHostProcess#NAME}, the router), by component.
     */
    synchronized Map<String, Long> processIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        if (closed) {
            return ids;
        }
        if (keycloak != null && keycloak.process() != null && keycloak.process().isAlive()) {
            ids.put(LocalStack.KEYCLOAK, keycloak.process().pid());
        }
        if (host != null && host.process().isAlive()) {
            ids.put(SubgraphHostProcess.NAME, host.process().pid());
        }
        subgraphs.forEach((name, process) -> {
            if (!process.isHosted() && process.process() != null && process.process().isAlive()) {
                ids.put(name, process.process().pid());
            }
        });
        if (router != null && router.process() != null && router.process().isAlive()) {
            ids.put(LocalStack.ROUTER, router.process().pid());
        }
        return ids;
    }

    /** The child processes that have exited although nobody stopped them. */
    synchronized List<ManagedProcess> exitedProcesses() {
        List<ManagedProcess> exited = new ArrayList<>();
        if (closed) {
            return exited;
        }
        List<ManagedProcess> children = new ArrayList<>();
        if (keycloak != null) {
            children.add(keycloak.process());
        }
        if (host != null) {
            children.add(host.process());
        }
        subgraphs.values().stream().filter(process -> !process.isHosted())
                .forEach(process -> children.add(process.process()));
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

    /** Stops everything that runs, in reverse start order. Safe to call more than once. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Runnable> steps = new ArrayList<>();
        if (router != null || !subgraphs.isEmpty() || keycloak != null || mongo != null) {
            progress.accept("stopping the stack");
        }
        if (console != null) {
            steps.add(console::close);
        }
        if (router != null) {
            steps.add(router::stop);
        }
        List<SubgraphProcess> reversed = new ArrayList<>(subgraphs.values());
        Collections.reverse(reversed);
        reversed.stream().filter(process -> !process.isHosted()).forEach(process -> steps.add(process::stop));
        if (host != null) {
            steps.add(host::stopAll);
        }
        if (keycloak != null) {
            steps.add(keycloak::stop);
        }
        if (mail != null) {
            steps.add(mail::close);
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
    }
}
