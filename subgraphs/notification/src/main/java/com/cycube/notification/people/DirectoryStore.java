package com.cycube.notification.people;

import com.cycube.notification.facts.Wording;
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
    static final String CONTACTS = "contacts";
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

    /**
     * Where and in which language to write to a user (ADR 21: kept apart from {@link PersonDocument}, in its own
     * collection, read only to send e-mail and to choose the language of a text).
     */
    public void contact(String userId, long version, String email, String locale) {
        Snapshots.keepHighest(mongo, CONTACTS, userId, version, new Document("email", email).append("locale", locale));
    }

    public Optional<Contact> contact(String userId) {
        Document contact = mongo.findById(userId, Document.class, CONTACTS);
        return contact == null ? Optional.empty()
                : Optional.of(new Contact(userId, contact.getString("email"), contact.getString("locale")));
    }

    /** The platform's root users (active): told of security alerts that belong to no organization. */
    public List<PersonDocument> roots() {
        return mongo.find(Query.query(Criteria.where("role").is("ROOT").and("active").is(true)), PersonDocument.class,
                PersonDocument.COLLECTION);
    }

    /** The course's title for a text, or the words "a course" while the catalog's publication has not arrived. */
    public Object courseTitle(String courseId) {
        Document course = mongo.findById(courseId, Document.class, COURSES);
        return course == null || course.getString("title") == null ? new Wording.Term("term.a-course") : course.getString("title");
    }

    /** The learner's name for a text, or the words "a learner" while it is unknown (or they chose none). */
    public Object learnerName(String userId) {
        return person(userId).map(PersonDocument::displayName).filter(name -> name != null && !name.isBlank())
                .<Object>map(name -> name).orElse(new Wording.Term("term.a-learner"));
    }
}
