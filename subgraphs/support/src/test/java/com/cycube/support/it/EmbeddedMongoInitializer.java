package com.cycube.support.it;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** An in-memory MongoDB-compatible server on a random port for the test context (TenantScopedMongo needs a MongoTemplate). */
class EmbeddedMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.mongodb.uri=mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/support-it");
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> server.shutdownNow());
    }
}
