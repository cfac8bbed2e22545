package com.cycube.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A child process of the local stack: started with its output appended to a log file, awaited until an HTTP probe
 * says it is ready, and stopped together with every process it started (kc.sh starts a JVM of its own).
 */
public final class ManagedProcess {

    private static final int LOG_TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
                                Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "# " + Instant.now() + " " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new StackStartException("cannot start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The exit code, if the process has ended. */
    public java.util.OptionalInt exitCode() {
        return process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
    }

    /**
     * Polls until {@code ready} is true, failing fast when the process exits and with the tail of its log when the
     * timeout passes.
     */
    void awaitReady(String what, Supplier<Boolean> ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new StackStartException(name + " exited with code " + process.exitValue() + " before " + what
                        + ". " + describeLog());
            }
            if (ready.get()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackStartException(name + " did not get " + what + " within " + timeout.toSeconds()
                        + " s. " + describeLog());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** Waits until a GET of {@code uri} answers 200. */
    void awaitHttpOk(URI uri, Duration timeout) {
        awaitReady("ready (GET " + uri + " answering 200)", () -> Http.status(uri) == 200, timeout);
    }

    /** "Log: <file>; last lines: ..." for error messages. */
    public String describeLog() {
        return "Log: " + logFile.toAbsolutePath() + System.lineSeparator()
                + "---- last lines of the log ----" + System.lineSeparator()
                + logTail(LOG_TAIL_LINES)
                + "---- end of log ----";
    }

    public String logTail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log file " + file + ")" + System.lineSeparator();
        }
        Deque<String> last = new ArrayDeque<>(lines);
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")" + System.lineSeparator();
        }
        StringBuilder text = new StringBuilder();
        last.forEach(line -> text.append(line).append(System.lineSeparator()));
        return text.toString();
    }

    /**
     * Stops the process and everything it started: a polite SIGTERM to all, then SIGKILL to whatever is still alive
     * after {@code grace}. Returns once they are all gone.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : tree) {
            long remaining = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(remaining, TimeUnit.MILLISECONDS);
            } catch (Exception timedOutOrInterrupted) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // a process the kernel does not reap within 10 s after SIGKILL is beyond our help
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while waiting", e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
