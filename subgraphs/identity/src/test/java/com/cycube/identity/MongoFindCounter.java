package com.cycube.identity;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the MongoDB {@code find} commands the application sends, per collection (driver command listener). */
@TestConfiguration(proxyBeanMethods = false)
public class MongoFindCounter implements CommandListener {

    private final Map<String, AtomicInteger> findsPerCollection = new ConcurrentHashMap<>();

    @Bean
    MongoClientSettingsBuilderCustomizer countFindCommands() {
        return settings -> settings.addCommandListener(this);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if ("find".equals(event.getCommandName())) {
            String collection = event.getCommand().getString("find").getValue();
            findsPerCollection.computeIfAbsent(collection, c -> new AtomicInteger()).incrementAndGet();
        }
    }

    public int findsOn(String collection) {
        AtomicInteger count = findsPerCollection.get(collection);
        return count == null ? 0 : count.get();
    }

    public void reset() {
        findsPerCollection.clear();
    }
}
