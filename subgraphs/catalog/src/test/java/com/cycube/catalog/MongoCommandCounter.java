package com.cycube.catalog;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Records the MongoDB commands the application sends, to prove how many reads a query costs. */
public class MongoCommandCounter implements CommandListener {

    public record Command(String name, String collection) {
    }

    private final List<Command> commands = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        var target = event.getCommand().get(name);
        commands.add(new Command(name, target != null && target.isString() ? target.asString().getValue() : null));
    }

    public void reset() {
        commands.clear();
    }

    /** The {@code find} commands sent since the last reset, per collection, ignoring the change-stream getMores. */
    public List<Command> finds() {
        return commands.stream().filter(c -> c.name().equals("find")).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        MongoCommandCounter mongoCommandCounter() {
            return new MongoCommandCounter();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countMongoCommands(MongoCommandCounter counter) {
            return settings -> settings.addCommandListener(counter);
        }
    }
}
