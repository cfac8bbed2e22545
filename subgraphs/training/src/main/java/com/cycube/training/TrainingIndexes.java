package com.cycube.training;

import com.cycube.training.assignments.AssignmentDocument;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.people.PersonDocument;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates training's MongoDB indexes at startup (idempotent). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TrainingIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    public TrainingIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var enrollments = mongo.indexOps(EnrollmentDocument.COLLECTION);
        enrollments.createIndex(new Index().on("organizationId", Sort.Direction.ASC).on("userId", Sort.Direction.ASC)
                .on("courseId", Sort.Direction.ASC).named("organization_user_course"));
        enrollments.createIndex(new Index().on("organizationId", Sort.Direction.ASC).on("changedAt", Sort.Direction.ASC)
                .named("organization_changed"));
        mongo.indexOps(CourseDocument.COLLECTION).createIndex(new Index().on("cubes.cubeId", Sort.Direction.ASC).named("cube"));
        mongo.indexOps(PersonDocument.COLLECTION).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("teamIds", Sort.Direction.ASC).named("organization_team"));
        mongo.indexOps(AssignmentDocument.COLLECTION).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("assignedAt", Sort.Direction.DESC).named("organization_assigned"));
    }
}
