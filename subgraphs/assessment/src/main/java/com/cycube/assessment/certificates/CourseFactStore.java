package com.cycube.assessment.certificates;

import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.events.Idempotent;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The course read model ({@code courses}, {@link CourseFactDocument}): who owns each course, as certificates record it
 * when they are issued. Written only from {@code catalog.CoursePublished} ({@link CourseFactsHandler}) and read by
 * {@link CourseCompletedHandler}: system code without a caller, hence MongoTemplate, with the event's organization in
 * the criteria.
 */
@Component
public class CourseFactStore {

    private final MongoTemplate mongo;

    public CourseFactStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<CourseFactDocument> find(String courseId) {
        return Optional.ofNullable(mongo.findById(courseId, CourseFactDocument.class));
    }

    /**
     * Learns {@code course}, published by {@code owner} (the event's tenant; null: platform content), unless a
     * version as high is known or the course is known with another owner (a course never changes owner). Idempotent
     * per event. Then certificates of the course issued before certificates recorded their course's owner get it.
     */
    public void learn(String owner, CoursePublished course, String eventId) {
        // stored version lower, or none; an inserted fact takes _id and organizationId from the query's equalities
        Query olderOrMissing = Query.query(Criteria.where("_id").is(course.courseId()).and("organizationId").is(owner)
                .and("version").not().gte(course.version()));
        Update update = new Update().set("visibility", CourseFactDocument.visibilityOf(owner)).set("title", course.title())
                .set("version", course.version());
        Idempotent.applyOnce(mongo, CourseFactDocument.COLLECTION, olderOrMissing, update, eventId, true);
        find(course.courseId()).ifPresent(this::recordOnOlderCertificates);
    }

    /** Only where the owner is missing: what a certificate recorded is never rewritten. */
    private void recordOnOlderCertificates(CourseFactDocument known) {
        mongo.updateMulti(Query.query(Criteria.where("courseId").is(known.id())
                        .and(CertificateDocument.COURSE_VISIBILITY).exists(false)),
                new Update().set(CertificateDocument.COURSE_VISIBILITY, known.visibility())
                        .set(CertificateDocument.COURSE_ORGANIZATION, known.organizationId()),
                CertificateDocument.COLLECTION);
    }
}
