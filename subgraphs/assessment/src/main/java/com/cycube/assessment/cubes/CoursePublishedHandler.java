package com.cycube.assessment.cubes;

import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Idempotent;
import java.util.Date;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Learns cubes from {@code catalog.CoursePublished}: one fact per cube (its course, owner, kind). The highest course
 * {@code version} wins, so redeliveries and versions arriving out of order change nothing. The owner is the event's
 * tenant and is part of the match: a cube never moves to another organization (a fact with a different owner is
 * left alone). Trusted system code without a caller, hence MongoTemplate — always with the organization in the
 * criteria.
 */
@Component
public class CoursePublishedHandler implements EventHandler {

    private final MongoTemplate mongo;

    public CoursePublishedHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String group() {
        return "assessment.cubes";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(CoursePublished.class);
    }

    @Override
    public void handle(DomainEvent event) {
        CoursePublished course = event.payloadAs(CoursePublished.class);
        course.cubes().forEach(cube -> learn(event, course, cube));
    }

    private void learn(DomainEvent event, CoursePublished course, CoursePublished.Cube cube) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(cube.cubeId())
                .and("organizationId").is(event.orgId())
                .and("courseVersion").lt(course.version()));
        Update update = new Update()
                .set("courseId", course.courseId())
                .set("courseTitle", course.title())
                .set("courseVersion", course.version())
                .set("kind", cube.kind())
                .set("publishedAt", Date.from(event.occurredAt()));
        // an inserted fact takes _id and organizationId from the query's equalities
        Idempotent.applyOnce(mongo, CubeFactDocument.COLLECTION, olderOrMissing, update, event.eventId(), true);
    }
}
