package com.cycube.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hive Router in front of the subgraphs. The binary comes from {@code router/bin/ensure-router} (a per-machine cache
 * outside the clone); the configuration and supergraph are the repository's files, and everything that differs per
 * stack (ports, URLs, issuer) is passed through {@link RouterEnvironment}. Nothing is written into the repository.
 */
public final class RouterProcess {

    /** Answers 200 once the supergraph is loaded (503 before); {@code /health} only says the HTTP layer is up. */
    public static final String READINESS_PATH = "/readiness";
    public static final String GRAPHQL_PATH = "/graphql";
    public static final String CONFIG_FILE = "router/router.config.yaml";
    public static final String SUPERGRAPH_FILE = "schema/supergraph.graphql";
    public static final String ENSURE_ROUTER = "router/bin/ensure-router";
    /** The router runs in its module's folder, so relative paths in its configuration resolve as in the router's own tests. */
    public static final String WORKING_DIRECTORY = "router";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

    private final Path repositoryRoot;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private volatile ManagedProcess process;

    public RouterProcess(Path repositoryRoot, int port, Map<String, String> environment, Path logFile) {
        this.repositoryRoot = repositoryRoot;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>/graphql} */
    public String graphqlUrl() {
        return "http://localhost:" + port + GRAPHQL_PATH;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        ManagedProcess current = process;
        return current != null && current.isAlive();
    }

    /** Checks that the files the router needs exist, before anything is started. */
    static void requireFiles(Path repositoryRoot) {
        for (String file : List.of(CONFIG_FILE, SUPERGRAPH_FILE, ENSURE_ROUTER)) {
            if (!Files.isRegularFile(repositoryRoot.resolve(file))) {
                throw new StackStartException("the router needs " + repositoryRoot.resolve(file)
                        + ", which does not exist" + (file.startsWith("schema/")
                        ? " (it is produced by the schema module: ./mvnw -q -DskipTests package)" : ""));
            }
        }
    }

    /**
     * The path of the Hive Router binary, from {@code router/bin/ensure-router}: immediate once the machine has it,
     * a long build the first time. The script's progress goes to the router's log.
     */
    public static Path ensureBinary(Path repositoryRoot, Path logFile, Consumer<String> progress) {
        progress.accept("locating the Hive Router binary (" + ENSURE_ROUTER + "; the first time on a machine it builds it,"
                + " which takes long; progress in " + logFile + ")");
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process ensure = new ProcessBuilder("bash", repositoryRoot.resolve(ENSURE_ROUTER).toString())
                    .directory(repositoryRoot.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            String stdout;
            try (InputStream out = ensure.getInputStream()) {
                stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            int exit = ensure.waitFor();
            String path = stdout.lines().filter(line -> !line.isBlank()).reduce((a, b) -> b).orElse("").trim();
            if (exit != 0 || path.isEmpty() || !Files.isExecutable(Path.of(path))) {
                throw new StackStartException(ENSURE_ROUTER + " failed (exit " + exit + ", printed '" + path + "'). "
                        + "Log: " + logFile + System.lineSeparator() + ManagedProcess.tail(logFile, 40));
            }
            return Path.of(path);
        } catch (IOException e) {
            throw new StackStartException("cannot run " + ENSURE_ROUTER + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while obtaining the router binary", e);
        }
    }

    public void start(Path binary) {
        if (isRunning()) {
            throw new IllegalStateException("the router is already running");
        }
        process = ManagedProcess.start("router", List.of(binary.toString()), environment,
                repositoryRoot.resolve(WORKING_DIRECTORY), logFile);
    }

    public void awaitReady(Duration timeout) {
        process.awaitHttpOk(java.net.URI.create("http://localhost:" + port + READINESS_PATH), timeout);
    }

    public void stop() {
        ManagedProcess current = process;
        process = null;
        if (current != null) {
            current.stop(Duration.ofSeconds(10));
        }
    }

    ManagedProcess process() {
        return process;
    }
}
