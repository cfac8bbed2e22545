package com.cycube.identity.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Seeds {@link DemoDataset} at startup when {@code cycube.demo-data.enabled=true} (the local stack).
 * Seeding is system work with no caller, so it writes with the plain MongoTemplate.
 */
@Component
@ConditionalOnProperty(name = "cycube.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final MongoTemplate mongo;

    DemoData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoDataset.seed(mongo);
        log.info("Demo data seeded: organizations {} and {}, 5 users, 3 teams", DemoDataset.ACME, DemoDataset.GLOBEX);
    }
}
