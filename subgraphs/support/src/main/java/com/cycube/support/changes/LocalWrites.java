package com.cycube.support.changes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Wakes this application's {@link ChangeStreamFollower}s as soon as one of its own writes to their collection
 * succeeded, so an idle follower reads now instead of at the end of its poll interval. {@link LocalWritesListener},
 * a command listener on every MongoDB client of the application, reports the writes; followers register here while
 * they run.
 *
 * <p>Only the embedded store needs it (it answers an empty change-stream read at once, and the follower then waits
 * out its poll interval); a real replica set holds the read open until a change arrives, and a nudge there only costs
 * a read that blocks as before. A nudge is never more than "read now": writes of other instances are still found by
 * the poll, and a nudge for a write that changed nothing (an update matching no document) is one empty read.
 *
 * <p>The outbox relay registers for a whole database ({@link #onAnyWrite}): a write is what puts an event into a
 * document's outbox, so the relay moves it at once instead of at its next scan.
 *
 * <p>One registry per JVM: followers are started by code that holds only a {@code MongoTemplate}, and the listener
 * sits in clients Spring builds, so this static registry is the one place both reach. It is kept in the JVM's system
 * properties and holds only JDK types, so that subgraphs sharing a JVM (the local stack's subgraph host, ADR 26, where
 * each has its own copy of this library) wake each other too — one subgraph's relay appending to the shared event log
 * wakes every other subgraph's consumers at once. Namespaces are database and collection names, without the server:
 * two clients on different servers with the same database name (tests) merely wake each other's followers for
 * nothing.
 */
public final class LocalWrites {

    /** A database and a collection in it. */
    record Namespace(String database, String collection) {

        /** The registry's key: JDK types only, the same in every class loader. */
        String key() {
            return database + '\u0000' + collection;
        }
    }

    /** Followers by namespace key; database-wide registrations (the outbox relay) by database name. */
    private static final Map<String, List<Runnable>> waiting = jvmWide("com.cycube.support.changes.LocalWrites.followers");
    private static final Map<String, List<Consumer<String>>> waitingForDatabase =
            jvmWide("com.cycube.support.changes.LocalWrites.databases");

    private LocalWrites() {
    }

    /** The map under {@code key} in the system properties, created by the first class loader that asks. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, List<V>> jvmWide(String key) {
        return (Map<String, List<V>>) System.getProperties().computeIfAbsent(key,
                absent -> new ConcurrentHashMap<String, List<V>>());
    }

    /** A follower's wish to be woken; closing it ends that (idempotent). */
    public static final class Registration implements AutoCloseable {
        private final String key;
        private final Runnable wake;

        private Registration(String key, Runnable wake) {
            this.key = key;
            this.wake = wake;
        }

        @Override
        public void close() {
            remove(waiting, key, wake);
        }
    }

    /**
     * Runs {@code wake} after every successful write to {@code database.collection} through a client in this JVM,
     * until the registration is closed. {@code wake} runs on the writing thread: it must only signal.
     */
    public static Registration onWrite(String database, String collection, Runnable wake) {
        Registration registration = new Registration(new Namespace(database, collection).key(), wake);
        add(waiting, registration.key, wake);
        return registration;
    }

    /**
     * Runs {@code wrote} with the collection's name after every successful write to any collection of
     * {@code database} through a client in this JVM, until the returned registration is closed. Runs on the writing
     * thread: it must only take note.
     */
    public static AutoCloseable onAnyWrite(String database, Consumer<String> wrote) {
        add(waitingForDatabase, database, wrote);
        return () -> remove(waitingForDatabase, database, wrote);
    }

    /** A write to {@code namespace} succeeded. */
    static void wrote(Namespace namespace) {
        List<Runnable> followers = waiting.get(namespace.key());
        if (followers != null) {
            followers.forEach(Runnable::run);
        }
        List<Consumer<String>> databaseWide = waitingForDatabase.get(namespace.database());
        if (databaseWide != null) {
            for (Consumer<String> registration : databaseWide) {
                registration.accept(namespace.collection());
            }
        }
    }

    /** How many followers wait for writes to {@code database.collection}. */
    public static int waitingFor(String database, String collection) {
        List<Runnable> followers = waiting.get(new Namespace(database, collection).key());
        return followers == null ? 0 : followers.size();
    }

    private static <V> void add(Map<String, List<V>> registry, String key, V value) {
        registry.compute(key, (k, values) -> {
            List<V> all = values == null ? new CopyOnWriteArrayList<>() : values;
            all.add(value);
            return all;
        });
    }

    private static <V> void remove(Map<String, List<V>> registry, String key, V value) {
        registry.computeIfPresent(key, (k, values) -> {
            values.remove(value);
            return values.isEmpty() ? null : values;
        });
    }
}
