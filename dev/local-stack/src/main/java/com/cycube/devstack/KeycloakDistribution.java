package com.cycube.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak server distribution ({@code org.keycloak:keycloak-quarkus-dist} from Maven Central), unpacked once per
 * machine into {@code ~/.cache/cycube/keycloak/<version>} (root overridable with CYCUBE_CACHE). The zip comes from the
 * local Maven repository when it is there, else it is downloaded (base overridable with CYCUBE_MAVEN_REPO).
 */
public final class KeycloakDistribution {

    public static final String VERSION = "26.7.3";
    public static final String DEFAULT_MAVEN_REPO = "https://repo.maven.apache.org/maven2";
    private static final String ARTIFACT_PATH =
            "org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip";
    private static final String UNPACKED_MARKER = ".cycube-unpacked";

    /** Guards the file lock inside this JVM (a FileLock cannot be taken twice by one JVM). */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private KeycloakDistribution() {
    }

    /** {@code $CYCUBE_CACHE} or {@code ~/.cache/cycube}: per-machine downloads and builds, outside any clone. */
    public static Path cacheRoot() {
        String configured = System.getenv("CYCUBE_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "cycube");
    }

    /** The Keycloak home directory (with {@code bin/kc.sh}), unpacking the distribution first if needed. */
    public static Path ensureUnpacked(Consumer<String> progress) {
        Path home = cacheRoot().resolve("keycloak").resolve(VERSION);
        if (Files.exists(home.resolve(UNPACKED_MARKER))) {
            return home;
        }
        return withLock(home.resolveSibling(VERSION + ".lock"), () -> {
            if (Files.exists(home.resolve(UNPACKED_MARKER))) {
                return home; // another process unpacked it while we waited
            }
            Path zip = locateOrDownloadZip(progress);
            progress.accept("unpacking Keycloak " + VERSION + " into " + home);
            Path partial = home.resolveSibling(VERSION + ".partial");
            deleteRecursively(partial);
            unzipStrippingTopFolder(zip, partial);
            deleteRecursively(home);
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(home.resolve(UNPACKED_MARKER), zip.toString());
            return home;
        });
    }

    /** Runs {@code action} while holding an exclusive lock on {@code lockFile}, across threads and processes. */
    static <T> T withLock(Path lockFile, IoAction<T> action) {
        IN_PROCESS.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            IN_PROCESS.unlock();
        }
    }

    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }

    private static Path locateOrDownloadZip(Consumer<String> progress) throws IOException {
        Path local = localMavenRepository().resolve(ARTIFACT_PATH);
        if (Files.isRegularFile(local)) {
            progress.accept("using " + local);
            return local;
        }
        Path downloaded = cacheRoot().resolve("downloads").resolve(local.getFileName());
        if (Files.isRegularFile(downloaded)) {
            return downloaded;
        }
        String base = System.getenv().getOrDefault("CYCUBE_MAVEN_REPO", DEFAULT_MAVEN_REPO).replaceAll("/+$", "");
        URI uri = URI.create(base + "/" + ARTIFACT_PATH);
        progress.accept("downloading " + uri + " (about 169 MiB, once per machine)");
        download(uri, downloaded);
        return downloaded;
    }

    static Path localMavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Downloads to a temporary file, checks the SHA-1 that Maven repositories publish beside it, then moves it in. */
    static void download(URI uri, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("GET " + uri + " answered " + response.statusCode());
            }
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            try (InputStream in = new DigestInputStream(response.body(), sha1)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = HexFormat.of().formatHex(sha1.digest());
            String expected = expectedSha1(client, URI.create(uri + ".sha1"));
            if (expected != null && !expected.equalsIgnoreCase(actual)) {
                throw new IOException("checksum mismatch for " + uri + ": expected " + expected + ", got " + actual);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String expectedSha1(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        String text = response.body().trim();
        return text.isEmpty() ? null : text.split("\\s+")[0];
    }

    /**
     * Unzips, dropping the archive's top folder ({@code keycloak-<version>/}). Zip entries carry no Unix modes that
     * java.util.zip exposes, so the shell scripts are made executable afterwards.
     */
    static void unzipStrippingTopFolder(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path destination = root.resolve(name.substring(slash + 1)).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        destination.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
