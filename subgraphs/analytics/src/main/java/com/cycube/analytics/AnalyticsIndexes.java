package com.cycube.analytics;

import com.cycube.analytics.certificates.Certificates;
import com.cycube.analytics.directory.TeamDocument;
import com.cycube.analytics.enrollments.Enrollments;
import com.cycube.analytics.learners.Learners;
import com.cycube.analytics.readmodel.EntityStore;
import com.cycube.analytics.readmodel.EntityType;
import com.cycube.analytics.records.LearningRecord;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates analytics' MongoDB indexes at startup (idempotent). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AnalyticsIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;
    private final List<EntityType<?>> entityTypes;

    public AnalyticsIndexes(MongoTemplate mongo, List<EntityType<?>> entityTypes) {
        this.mongo = mongo;
        this.entityTypes = entityTypes;
    }

    @Override
    public void run(ApplicationArguments args) {
        var aggregates = mongo.indexOps(EntityStore.AGGREGATES);
        aggregates.createIndex(new Index().on("kind", Sort.Direction.ASC).on("organizationId", Sort.Direction.ASC)
                .on("key", Sort.Direction.ASC).named("kind_organization_key"));
        aggregates.createIndex(new Index().on("kind", Sort.Direction.ASC).on("key", Sort.Direction.ASC).named("kind_key"));
        aggregates.createIndex(new Index().on("kind", Sort.Direction.ASC).on("group", Sort.Direction.ASC)
                .on("organizationId", Sort.Direction.ASC).named("kind_group_organization"));
        for (EntityType<?> type : entityTypes) {
            mongo.indexOps(type.collection()).createIndex(new Index().on("pending.id", Sort.Direction.ASC).sparse()
                    .named("pending"));
        }
        for (String collection : List.of(Enrollments.COLLECTION, Certificates.COLLECTION)) {
            mongo.indexOps(collection).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                    .on("state.userId", Sort.Direction.ASC).named("organization_user"));
        }
        mongo.indexOps(Learners.COLLECTION).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("state.teamIds", Sort.Direction.ASC).named("organization_team"));
        mongo.indexOps(TeamDocument.COLLECTION).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .named("organization"));
        var records = mongo.indexOps(LearningRecord.COLLECTION);
        records.createIndex(new Index().on("organizationId", Sort.Direction.ASC).on("timestamp", Sort.Direction.DESC)
                .named("organization_time"));
        records.createIndex(new Index().on("organizationId", Sort.Direction.ASC).on("userId", Sort.Direction.ASC)
                .on("timestamp", Sort.Direction.DESC).named("organization_user_time"));
        records.createIndex(new Index().on("timestamp", Sort.Direction.DESC).named("time"));
        records.createIndex(new Index().on("forwardedAt", Sort.Direction.ASC).on("rejectedAt", Sort.Direction.ASC)
                .on("storedAt", Sort.Direction.ASC).named("to_forward"));
    }
}
