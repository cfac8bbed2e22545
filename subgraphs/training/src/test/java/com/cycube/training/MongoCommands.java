package com.cycube.training;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the MongoDB commands sent to one database (registered on the application's MongoClient through a
 * {@code MongoClientSettingsBuilderCustomizer} test bean), so tests can show how many reads a request costs.
 */
public class MongoCommands implements CommandListener {

    public record Command(String database, String name, String collection) {
    }

    private final List<Command> commands = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        org.bson.BsonValue target = event.getCommand().get(event.getCommandName());
        String collection = target != null && target.isString() ? target.asString().getValue() : null;
        commands.add(new Command(event.getDatabaseName(), event.getCommandName(), collection));
    }

    public void reset() {
        commands.clear();
    }

    /** The commands named {@code name} (e.g. find) sent to {@code database}. */
    public List<Command> named(String database, String name) {
        return commands.stream().filter(c -> c.database().equals(database) && c.name().equals(name)).toList();
    }
}
