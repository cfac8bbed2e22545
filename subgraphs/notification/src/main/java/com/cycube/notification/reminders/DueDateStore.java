package com.cycube.notification.reminders;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Due dates of assigned enrollments and the reminders sent for them. */
@Component
public class DueDateStore {

    private final MongoTemplate mongo;

    public DueDateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An assignment covers the enrollment: its due date is the earliest seen (facts may arrive in any order). */
    public void due(String enrollmentId, String organizationId, String userId, String courseId, Instant dueAt) {
        mongo.upsert(Query.query(Criteria.where("_id").is(enrollmentId)), new Update()
                .setOnInsert("organizationId", organizationId).setOnInsert("userId", userId)
                .setOnInsert("courseId", courseId).setOnInsert("completed", false).setOnInsert("sent", List.of())
                .min("dueAt", dueAt), DueDateDocument.COLLECTION);
    }

    /**
     * The course was completed: no reminder is sent any more (terminal, whenever it arrives — also before the
     * assignment's facts: the closed record is kept, and a later {@link #due} cannot reopen it).
     */
    public void completed(String enrollmentId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(enrollmentId)), new Update().set("completed", true)
                .setOnInsert("sent", List.of()), DueDateDocument.COLLECTION);
    }

    /** Open enrollments due before {@code until} that have not had {@code reminder} yet, soonest first. */
    public List<DueDateDocument> needing(String reminder, Instant until, int limit) {
        return mongo.find(Query.query(Criteria.where("completed").is(false).and("dueAt").lt(until)
                        .and("sent").ne(reminder)).with(Sort.by("dueAt")).limit(limit),
                DueDateDocument.class, DueDateDocument.COLLECTION);
    }

    /** Claims {@code reminder} for the enrollment: true for the one caller that records it first. */
    public boolean claim(String enrollmentId, String reminder) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(enrollmentId).and("completed").is(false)
                        .and("sent").ne(reminder)), new Update().addToSet("sent", reminder), DueDateDocument.COLLECTION)
                .getModifiedCount() == 1;
    }
}
