package com.cycube.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts an in-memory MongoDB-compatible server (mongo-java-server, oplog on so change streams
 * work) on a random loopback port for one Spring test context, and stops it with the context.
 */
public class EmbeddedMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MemoryBackend backend = new MemoryBackend();
        backend.enableOplog();
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort() + "/" + database);
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> server.shutdownNow());
    }
}
