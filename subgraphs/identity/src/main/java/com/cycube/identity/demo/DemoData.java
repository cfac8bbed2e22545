package com.cycube.identity.demo;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
    private final Clock clock;

    DemoData(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoDataset.seed(mongo, clock);
        log.info("Demo data seeded: organizations {} and {}, 5 users, 3 teams", DemoDataset.ACME, DemoDataset.GLOBEX);
    }
}
