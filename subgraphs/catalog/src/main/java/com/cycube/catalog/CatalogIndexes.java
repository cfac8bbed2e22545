package com.cycube.catalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates the catalog's MongoDB indexes at startup (idempotent), before demo data and the search index. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CatalogIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    public CatalogIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps("skills").createIndex(new Index().on("framework", Sort.Direction.ASC).on("code", Sort.Direction.ASC)
                .unique().named("framework_code"));
        mongo.indexOps("courses").createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("organization_created"));
        mongo.indexOps("courses").createIndex(new Index().on("cubeIds", Sort.Direction.ASC).named("cube_ids"));
        mongo.indexOps("courses").createIndex(new Index().on("moduleIds", Sort.Direction.ASC).named("module_ids"));
        mongo.indexOps("course_versions").createIndex(new Index().on("courseId", Sort.Direction.ASC).named("course"));
        mongo.indexOps("learning_paths").createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("organization_created"));
    }
}
