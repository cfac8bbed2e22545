package com.cycube.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Brings a stack up, in order: checks that every file and fixed port is there before anything starts; the store;
 * Keycloak and the subgraphs side by side (subgraphs fetch Keycloak's keys lazily, on the first token they see) while
 * the router binary is located; the router once every subgraph is ready; then the web console (a static server, ready
 * at once), so its page works as soon as it is announced. The first failure cancels the rest.
 */
final class StackStartUp {

    private final LocalStackBuilder options;
    private final StackAddresses addresses;
    private final StackProcesses processes;
    private final Consumer<String> progress;
    /** Whether the web console is served: wanted, built, and its port free (see {@link #consoleServable()}). */
    private boolean serveConsole;

    StackStartUp(LocalStackBuilder options, StackAddresses addresses, StackProcesses processes) {
        this.options = options;
        this.addresses = addresses;
        this.processes = processes;
        this.progress = options.progress;
    }

    /** Fails before anything starts when a file is missing or a fixed port is taken. */
    void checkPrerequisites() {
        List<Integer> fixedPorts = new ArrayList<>();
        if (options.router) {
            RouterProcess.requireFiles(addresses.repositoryRoot);
            fixedPorts.add(addresses.routerPort);
        }
        if (options.keycloak) {
            for (String file : List.of(KeycloakServer.REALM_FILE, KeycloakServer.DEV_REALM_FILE)) {
                Path realm = addresses.repositoryRoot.resolve(file);
                if (!Files.isRegularFile(realm)) {
                    throw new StackStartException("the realm file " + realm + " is missing");
                }
            }
            fixedPorts.add(addresses.keycloakPort);
        }
        if (options.mongo) {
            fixedPorts.add(addresses.mongoPort);
        }
        if (runsMail()) {
            fixedPorts.add(addresses.smtpPort);
            fixedPorts.add(addresses.mailboxPort);
        }
        for (Subgraph subgraph : addresses.subgraphs) {
            SubgraphProcess.locateJar(addresses.repositoryRoot, subgraph);
            fixedPorts.add(addresses.subgraphPort(subgraph.name()));
        }
        for (int port : fixedPorts) {
            if (!Ports.isFree(port)) {
                throw new StackStartException("port " + port + " is already in use by another process (is a stack "
                        + "already running? `ss -ltnp | grep :" + port + "` shows who)");
            }
        }
        serveConsole = options.console && consoleServable();
    }

    /**
     * The console is a convenience, not a dependency of anything else in the stack: when it is not built, or its port
     * is taken (by Vite's dev server, which serves the same app with hot reload), the stack says so and runs without it.
     */
    private boolean consoleServable() {
        Path dist = addresses.repositoryRoot.resolve(WebConsole.DIST);
        if (!WebConsole.isBuilt(dist)) {
            progress.accept("web console not served: " + WebConsole.missingBuildMessage(dist));
            return false;
        }
        if (!Ports.isFree(addresses.consolePort)) {
            progress.accept("web console not served: port " + addresses.consolePort + " is in use (Vite's dev server? "
                    + "`ss -ltnp | grep :" + addresses.consolePort + "` shows who)");
            return false;
        }
        return true;
    }

    /** Starts every selected component and returns when all of them are ready. */
    void run() {
        if (options.mongo) {
            EmbeddedMongo mongo = processes.startStore(options.persistentStore);
            progress.accept("store: " + mongo.connectionString()
                    + mongo.file().map(f -> " (persisted in " + f + ")").orElse(" (in memory)"));
        }
        if (runsMail()) {
            MailCatcher mail = processes.startMail();
            progress.accept("mail: SMTP on localhost:" + mail.smtpPort() + ", every e-mail readable at " + mail.pageUrl());
        }
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        try {
            Future<Path> routerBinary = options.router ? executor.submit(() -> RouterProcess.ensureBinary(
                    addresses.repositoryRoot, addresses.logDirectory().resolve("router-binary.log"), progress)) : null;
            List<Future<?>> tasks = new ArrayList<>();
            if (options.keycloak) {
                tasks.add(executor.submit(this::startKeycloak));
            }
            if (options.subgraphsInOneJvm && addresses.subgraphs.size() > 1) {
                for (SubgraphProcess process : processes.startSubgraphHost(addresses.subgraphs)) {
                    tasks.add(executor.submit(() -> awaitReady(process.subgraph(), process)));
                }
            } else {
                for (Subgraph subgraph : addresses.subgraphs) {
                    SubgraphProcess process = processes.startSubgraphProcess(subgraph);
                    tasks.add(executor.submit(() -> awaitReady(subgraph, process)));
                }
            }
            awaitAll(tasks);
            if (options.router) {
                processes.startRouter(await(routerBinary), options.routerLogLevel, options.routerEnvironment).awaitReady(options.routerTimeout);
                progress.accept("router ready: " + addresses.routerUrl());
            }
            if (serveConsole) {
                WebConsole console = processes.startConsole();
                progress.accept("web console: " + console.url() + " (" + console.root() + ")");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** The mailbox runs whenever something could send e-mail: Keycloak or a subgraph. */
    private boolean runsMail() {
        return options.keycloak || !addresses.subgraphs.isEmpty();
    }

    private Void startKeycloak() {
        long t0 = System.nanoTime();
        KeycloakServer keycloak = processes.keycloak(KeycloakDistribution.ensureUnpacked(progress));
        if (processes.isClosed()) {
            return null;
        }
        keycloak.startAndAwait(options.keycloakTimeout, progress);
        progress.accept(String.format(Locale.ROOT, "keycloak ready in %.1f s: %s", seconds(t0), keycloak.baseUrl()));
        return null;
    }

    private Void awaitReady(Subgraph subgraph, SubgraphProcess process) {
        long t0 = System.nanoTime();
        process.awaitReady(options.subgraphTimeout);
        progress.accept(String.format(Locale.ROOT, "%s ready in %.1f s: %s", subgraph.name(), seconds(t0),
                process.graphqlUrl()));
        return null;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Waits for every task; the first failure cancels the others and is thrown. */
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

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "cycube-stack-start-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
