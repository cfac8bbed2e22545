package com.cycube.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The MongoDB-compatible store of the local stack (mongo-java-server), listening on the loopback interface. In memory
 * for tests, or persisted to an H2 MVStore file for {@code ./cycube up}. The oplog is on, so change streams work.
 */
public final class EmbeddedMongo implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final MongoServer server;
    private final int port;
    private final Path file;

    private EmbeddedMongo(MongoBackend backend, int port, Path file) {
        this.server = new MongoServer(backend);
        this.file = file;
        server.enableOplog();
        try {
            server.bind(HOST, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new StackStartException("the embedded MongoDB store cannot listen on " + HOST + ":" + port
                    + " (" + e.getMessage() + ")", e);
        }
        this.port = server.getLocalAddress().getPort();
    }

    /** An empty store in memory; {@code port} 0 picks a free one. */
    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(new MemoryBackend(), port, null);
    }

    /** A store kept in an H2 MVStore file (created if absent) that survives restarts; {@code port} 0 picks a free one. */
    public static EmbeddedMongo persistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmbeddedMongo(new H2Backend(file.toAbsolutePath().toString()), port, file);
    }

    public int port() {
        return port;
    }

    /** The file the store persists to, if it is not in memory. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** {@code mongodb://localhost:<port>} */
    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    /** {@code mongodb://localhost:<port>/<database>}, the form the subgraphs take in SPRING_MONGODB_URI. */
    public String uri(String database) {
        return connectionString() + "/" + database;
    }

    /** Stops listening, closes client connections and the backend (which flushes the H2 file). */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
