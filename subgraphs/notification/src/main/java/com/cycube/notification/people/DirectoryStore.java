package com.cycube.notification.people;

import com.cycube.support.events.Snapshots;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Notification's copies of what texts and recipients need: members (identity's snapshots), course titles (the
 * catalog's publications), and which enrollments an assignment made (training's facts). Snapshots keep the highest
 * version; a late older one changes nothing.
 */
@Component
public class DirectoryStore {

    static final String COURSES = "courses";
    static final String ASSIGNED_ENROLLMENTS = "assigned_enrollments";

    private final MongoTemplate mongo;

    public DirectoryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void person(PersonDocument person) {
        Snapshots.keepHighest(mongo, PersonDocument.COLLECTION, person.id(), person.version(), new Document("organizationId",
                person.organizationId()).append("displayName", person.displayName()).append("role", person.role())
                .append("active", person.active()));
    }

    public void courseTitle(String courseId, long version, String title) {
        Snapshots.keepHighest(mongo, COURSES, courseId, version, new Document("title", title));
    }

    /** Remembers that an assignment made (or covers) this enrollment. */
    public void assigned(String enrollmentId, String organizationId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(enrollmentId)),
                new Update().setOnInsert("organizationId", organizationId), ASSIGNED_ENROLLMENTS);
    }

    public boolean isAssigned(String enrollmentId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(enrollmentId)), ASSIGNED_ENROLLMENTS);
    }

    public Optional<PersonDocument> person(String userId) {
        return Optional.ofNullable(mongo.findById(userId, PersonDocument.class, PersonDocument.COLLECTION));
    }

    public List<PersonDocument> managersOf(String organizationId) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId).and("role").is("MANAGER")
                .and("active").is(true)), PersonDocument.class, PersonDocument.COLLECTION);
    }

    /** The course's title, or a neutral name while the catalog's publication has not arrived. */
    public String courseTitle(String courseId) {
        Document course = mongo.findById(courseId, Document.class, COURSES);
        return course == null || course.getString("title") == null ? "a course" : course.getString("title");
    }
}
