package com.cycube.labs;

import com.cycube.labs.instances.ResetRateLimitStore;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates the labs' MongoDB indexes at startup (idempotent), before demo data. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LabsIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    public LabsIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var labs = mongo.indexOps("lab_instances");
        // activeKey = organization|owner|cube while the lab is active, absent otherwise: the database itself
        // refuses a second active lab for the same trainee and cube, even when two launches race.
        labs.createIndex(new Index().on("activeKey", Sort.Direction.ASC).unique().sparse().named("one_active_lab_per_cube"));
        labs.createIndex(new Index().on("state", Sort.Direction.ASC).on("expiresAt", Sort.Direction.ASC).named("state_expiry"));
        labs.createIndex(new Index().on("organizationId", Sort.Direction.ASC).on("requestedAt", Sort.Direction.DESC).named("organization_requested"));
        labs.createIndex(new Index().on("ownerId", Sort.Direction.ASC).on("cubeId", Sort.Direction.ASC).named("owner_cube"));
        // reset counters disappear once their newest use left the window
        mongo.indexOps(ResetRateLimitStore.COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expiry"));
    }
}
