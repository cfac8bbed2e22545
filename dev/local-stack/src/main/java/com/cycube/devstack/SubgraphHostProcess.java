package com.cycube.devstack;

import com.cycube.devstack.host.SubgraphHost;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * The local stack's subgraphs in one JVM ({@link SubgraphHost}, ADR 26): prepares the class paths from the subgraphs'
 * runnable jars, starts the host as one child process, and stops single subgraphs in it.
 *
 * <p>Class paths: every third-party library of every subgraph's {@code BOOT-INF/lib} goes, once, onto the host's own
 * class path — extracted into a per-machine cache under a name that holds its checksum, so the same library is the
 * same file in every run (which class-data sharing needs); the subgraph's own classes and the project's libraries
 * ({@code cycube-*}) go into its own class loader, extracted into the stack's work folder on every start.
 *
 * <p>Class-data sharing: the first run writes an archive of the classes the host loaded when it exits
 * ({@code -XX:ArchiveClassesAtExit}), the following runs with the same libraries map it
 * ({@code -XX:SharedArchiveFile}) — the Spring, DGS and driver classes are then not parsed and verified again.
 */
final class SubgraphHostProcess {

    /**
     * Heap for all subgraphs together (each of them used to run in a JVM of -Xmx256m), the serial collector (a laptop's
     * few cores), a heap that gives memory back; {@value #JVM_OPTIONS_VARIABLE} replaces these.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:+UseSerialGC", "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10");
    /** Class-data sharing, and the archive's notes on the classes it cannot keep (generated ones: thousands) silenced. */
    private static final List<String> SHARING_OPTIONS = List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    static final String JVM_OPTIONS_VARIABLE = "CYCUBE_SUBGRAPH_HOST_JVM_OPTIONS";
    static final String NAME = "subgraphs";
    private static final String PROJECT_LIBRARY_PREFIX = "cycube-";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ManagedProcess process;
    private final int controlPort;
    private final Path pendingArchive;
    private final Path archive;
    private final Set<String> hosted;

    private SubgraphHostProcess(ManagedProcess process, int controlPort, Path pendingArchive, Path archive,
                                Set<String> hosted) {
        this.process = process;
        this.controlPort = controlPort;
        this.pendingArchive = pendingArchive;
        this.archive = archive;
        this.hosted = hosted;
    }

    /** What the host runs of one subgraph. */
    record Hosted(Subgraph subgraph, Path jar, Map<String, String> environment, Path logFile) {
    }

    /** Prepares the class paths and starts the host; returns at once (each subgraph is awaited on its port). */
    static SubgraphHostProcess start(List<Hosted> subgraphs, Path workDirectory, Path hostLog) {
        try {
            Path cache = cacheDirectory();
            Path work = workDirectory.resolve("subgraph-host");
            deleteRecursively(work);
            Files.createDirectories(work);
            Set<Path> shared = new LinkedHashSet<>();
            shared.add(hostJar(cache));
            Properties spec = new Properties();
            List<String> names = new ArrayList<>();
            for (Hosted hosted : subgraphs) {
                String name = hosted.subgraph().name();
                names.add(name);
                Files.createDirectories(hosted.logFile().toAbsolutePath().getParent());
                Files.writeString(hosted.logFile(), "# " + java.time.Instant.now() + " in the subgraph host (one JVM for "
                        + "the local stack's subgraphs, ADR 26); its own log: " + hostLog + System.lineSeparator());
                List<Path> own = extract(hosted.jar(), work.resolve(name), cache.resolve("lib"), shared);
                spec.setProperty("app." + name + ".classpath", join(own));
                spec.setProperty("app." + name + ".main", startClass(hosted.jar()));
                spec.setProperty("app." + name + ".log", hosted.logFile().toAbsolutePath().toString());
                // Logback's one context is shared: the application name it would print is whichever started last;
                // each subgraph's lines are in its own file anyway
                spec.setProperty("app." + name + ".env.LOGGING_INCLUDE_APPLICATION_NAME", "false");
                hosted.environment().forEach((variable, value) -> spec.setProperty("app." + name + ".env." + variable, value));
            }
            int controlPort = Ports.freePort();
            spec.setProperty("apps", String.join(",", names));
            spec.setProperty("control.port", Integer.toString(controlPort));
            // One at a time: Spring Boot initializes the logging system (Logback's one context, shared by all) while an
            // application starts, and two doing it at once failed with a ConcurrentModificationException. The stack
            // is not slower for it: the host's start-up is CPU-bound, and Keycloak starts beside it anyway.
            spec.setProperty("parallel", "1");
            Path specFile = work.resolve("host.properties");
            try (OutputStream out = Files.newOutputStream(specFile)) {
                spec.store(out, "the local stack's subgraph host (SubgraphHost)");
            }
            String classpath = join(new ArrayList<>(shared));
            // an archive fits one JDK build and one set of libraries: both are in its name
            Path archive = cache.resolve("cds").resolve(Integer.toHexString(classpath.hashCode()) + "-"
                    + Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_") + ".jsa");
            // each host writes its own (two stacks may start at once); a killed host's leftovers go after a day
            Path pending = archive.resolveSibling(archive.getFileName() + "." + java.util.UUID.randomUUID() + ".pending");
            Files.createDirectories(archive.getParent());
            forgetAbandonedArchives(archive.getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String configured = System.getenv(JVM_OPTIONS_VARIABLE);
            command.addAll(configured == null || configured.isBlank() ? JVM_OPTIONS
                    : List.of(configured.trim().split("\\s+")));
            command.addAll(SHARING_OPTIONS);
            command.add(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
                    : "-XX:ArchiveClassesAtExit=" + pending);
            Path arguments = work.resolve("classpath.args");
            Files.writeString(arguments, "-cp \"" + classpath.replace("\\", "\\\\") + "\"");
            command.add("@" + arguments);
            command.add(SubgraphHost.class.getName());
            command.add(specFile.toString());
            ManagedProcess process = ManagedProcess.start(NAME, command, Map.of(), work, hostLog);
            return new SubgraphHostProcess(process, controlPort, pending, archive, new LinkedHashSet<>(names));
        } catch (IOException e) {
            throw new StackStartException("cannot prepare the subgraph host: " + e.getMessage(), e);
        }
    }

    ManagedProcess process() {
        return process;
    }

    /** Whether {@code name} runs in this host now. */
    synchronized boolean hosts(String name) {
        return hosted.contains(name) && process.isAlive();
    }

    /** Closes one subgraph's application context (its port is free afterwards); the others keep running. */
    void stop(String name) {
        synchronized (this) {
            if (!hosted.remove(name) || !process.isAlive()) {
                return;
            }
        }
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + controlPort + "/stop/" + name))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(STOP_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new StackStartException("the subgraph host could not stop " + name + ": " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while stopping " + name, e);
        }
    }

    /**
     * Stops the host (every subgraph in it); keeps the class-data archive it wrote on the way out — only when it ended
     * by itself (0, or 143 after SIGTERM), since a host killed while writing leaves a torn archive.
     */
    void stopAll() {
        process.stop(Duration.ofSeconds(30));
        int exit = process.exitCode().orElse(-1);
        try {
            if ((exit == 0 || exit == 143) && Files.isRegularFile(pendingArchive) && Files.size(pendingArchive) > 0) {
                Files.move(pendingArchive, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                forgetOtherArchives();
            }
            Files.deleteIfExists(pendingArchive);
        } catch (IOException e) {
            System.err.println("[cycube] could not keep the class-data archive " + pendingArchive + ": " + e);
        }
    }

    private static void forgetAbandonedArchives(Path directory) throws IOException {
        java.nio.file.attribute.FileTime dayAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Duration.ofDays(1)));
        try (var files = Files.list(directory)) {
            for (Path pending : files.filter(path -> path.getFileName().toString().endsWith(".pending")).toList()) {
                if (Files.getLastModifiedTime(pending).compareTo(dayAgo) < 0) {
                    Files.deleteIfExists(pending);
                }
            }
        }
    }

    /** Archives of other library sets (~100 MB each) are of no use once the libraries changed: only the new one stays. */
    private void forgetOtherArchives() throws IOException {
        try (var archives = Files.list(archive.getParent())) {
            for (Path other : archives.filter(path -> path.getFileName().toString().endsWith(".jsa"))
                    .filter(path -> !path.equals(archive)).toList()) {
                Files.deleteIfExists(other);
            }
        }
    }

    /**
     * Extracts a runnable jar: {@code BOOT-INF/classes} and the project's libraries into {@code own} (returned, in
     * class path order), every other library into the shared cache (added to {@code shared}).
     */
    static List<Path> extract(Path jar, Path own, Path sharedLibraries, Set<Path> shared) throws IOException {
        List<Path> ownPath = new ArrayList<>();
        Path classes = own.resolve("classes");
        Files.createDirectories(classes);
        Files.createDirectories(sharedLibraries);
        ownPath.add(classes);
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.startsWith("BOOT-INF/classes/")) {
                    copy(file, entry, safeResolve(classes, name.substring("BOOT-INF/classes/".length())));
                } else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    String library = name.substring("BOOT-INF/lib/".length());
                    if (library.startsWith(PROJECT_LIBRARY_PREFIX)) {
                        Path target = safeResolve(own, library);
                        copy(file, entry, target);
                        ownPath.add(target);
                    } else {
                        Path target = safeResolve(sharedLibraries, Long.toHexString(entry.getCrc()) + "-" + library);
                        if (!Files.isRegularFile(target) || Files.size(target) != entry.getSize()) {
                            Path partial = Files.createTempFile(sharedLibraries, ".extract", ".jar");
                            copy(file, entry, partial);
                            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        }
                        shared.add(target);
                    }
                }
            }
        }
        return ownPath;
    }

    private static String startClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String start = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Start-Class");
            if (start == null) {
                throw new StackStartException(jar + " is not a Spring Boot runnable jar (no Start-Class in its manifest)");
            }
            return start;
        }
    }

    /** The host's own classes as a jar in the cache, named by their checksum (the class path of an archive is jars only). */
    private static Path hostJar(Path cache) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        CRC32 checksum = new CRC32();
        for (String className : SubgraphHost.CLASSES) {
            String resource = className.replace('.', '/') + ".class";
            try (InputStream in = SubgraphHost.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new StackStartException("the launcher misses its own class " + resource);
                }
                byte[] bytes = in.readAllBytes();
                classes.put(resource, bytes);
                checksum.update(bytes);
            }
        }
        Path jar = cache.resolve("host").resolve("subgraph-host-" + Long.toHexString(checksum.getValue()) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.createDirectories(jar.getParent());
        Path partial = Files.createTempFile(jar.getParent(), ".host", ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
            for (var entry : classes.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(0);
                out.putNextEntry(zipEntry);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return jar;
    }

    /** {@code $CYCUBE_CACHE/subgraph-host}, by default {@code ~/.cache/cycube/subgraph-host} (as the router binary's). */
    static Path cacheDirectory() {
        String configured = System.getenv("CYCUBE_CACHE");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "cycube");
        return root.resolve("subgraph-host");
    }

    private static void copy(JarFile file, JarEntry entry, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code base/relative}, refusing an entry name that would leave {@code base} ("zip slip"). */
    private static Path safeResolve(Path base, String relative) {
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base.normalize())) {
            throw new StackStartException("refusing a jar entry outside its folder: " + relative);
        }
        return resolved;
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(path -> path.toAbsolutePath().toString()).toList());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public String toString() {
        return NAME + " " + hosted + " (pid " + process.pid() + ")";
    }
}
