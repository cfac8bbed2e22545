package com.cycube.support.changes;

import com.cycube.support.changes.LocalWrites.Namespace;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Tells {@link LocalWrites} of every write command of this MongoDB client that succeeded, naming the collections it
 * wrote to. Registered on every client the application builds (support's auto-configuration).
 *
 * <p>The write commands are MongoDB's document writes: {@code insert}, {@code update}, {@code delete},
 * {@code findAndModify} (each names its collection as its first field's value) and MongoDB 8's {@code bulkWrite}
 * (its collections in {@code nsInfo}). Every other command — all reads among them — is dismissed by its name before
 * anything else is looked at. Not reported, so found by the follower's poll as before: aggregations that write
 * ({@code $out}, {@code $merge}) and writes in a multi-document transaction, which become visible only at its
 * commit (neither is used by the subgraphs).
 *
 * <p>A command's collection is only in its started event; it is kept, by request id, until the command succeeded or
 * failed. The driver ends every command it starts with one of the two, so the map holds the commands in flight; should
 * it ever miss one, the map is emptied at {@link #MAX_IN_FLIGHT} entries (the writes then in flight are found by the
 * poll) and can never grow beyond that.
 */
public final class LocalWritesListener implements CommandListener {

    static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findAndModify", "bulkWrite");
    static final int MAX_IN_FLIGHT = 10_000;

    private final Map<Integer, List<Namespace>> inFlight = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String command = event.getCommandName();
        if (!WRITE_COMMANDS.contains(command)) {
            return;
        }
        List<Namespace> written = written(command, event.getDatabaseName(), event.getCommand());
        if (written.isEmpty()) {
            return;
        }
        if (inFlight.size() >= MAX_IN_FLIGHT) {
            inFlight.clear();
        }
        inFlight.put(event.getRequestId(), written);
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (!WRITE_COMMANDS.contains(event.getCommandName())) {
            return;
        }
        List<Namespace> written = inFlight.remove(event.getRequestId());
        if (written != null) {
            written.forEach(LocalWrites::wrote);
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        if (WRITE_COMMANDS.contains(event.getCommandName())) {
            inFlight.remove(event.getRequestId());
        }
    }

    /** How many write commands this listener waits to hear the end of. */
    int inFlight() {
        return inFlight.size();
    }

    private static List<Namespace> written(String command, String database, BsonDocument body) {
        if (body == null) {
            return List.of();
        }
        if (command.equals("bulkWrite")) {
            return bulkWriteNamespaces(body);
        }
        BsonValue collection = body.get(command);
        return collection != null && collection.isString()
                ? List.of(new Namespace(database, collection.asString().getValue()))
                : List.of();
    }

    /** {@code nsInfo: [{ns: "db.collection"}, ...]}: one entry per collection the command writes to. */
    private static List<Namespace> bulkWriteNamespaces(BsonDocument body) {
        BsonValue nsInfo = body.get("nsInfo");
        if (nsInfo == null || !nsInfo.isArray()) {
            return List.of();
        }
        BsonArray entries = nsInfo.asArray();
        List<Namespace> namespaces = new ArrayList<>(entries.size());
        for (BsonValue entry : entries) {
            BsonValue ns = entry.isDocument() ? entry.asDocument().get("ns") : null;
            if (ns != null && ns.isString()) {
                String name = ns.asString().getValue();
                int dot = name.indexOf('.');
                if (dot > 0 && dot < name.length() - 1) {
                    namespaces.add(new Namespace(name.substring(0, dot), name.substring(dot + 1)));
                }
            }
        }
        return namespaces;
    }
}
