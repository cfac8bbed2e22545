package com.cycube.assessment.cubes;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.Idempotent;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Learns cubes from {@code catalog.CoursePublished}: one fact per cube (its course, owner, kind), newest course
 * version wins, so redeliveries and out-of-order versions change nothing. The owner is the event's tenant and is
 * part of the match: a cube never moves to another organization (a fact with a different owner is left alone).
 * Trusted system code without a caller, hence MongoTemplate — always with the organization in the criteria.
 */
@Component
public class CoursePublishedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(CoursePublishedHandler.class);

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
        return Set.of("catalog.CoursePublished");
    }

    @Override
    public void handle(DomainEvent event) {
        String courseId = event.string("courseId");
        Object version = event.payload().get("version");
        if (courseId == null || !(version instanceof Number number) || !(event.payload().get("cubes") instanceof List<?> cubes)) {
            log.warn("Ignoring {} {}: payload without courseId, version or cubes", event.type(), event.eventId());
            return;
        }
        int courseVersion = number.intValue();
        for (Object item : cubes) {
            if (item instanceof Map<?, ?> cube && cube.get("cubeId") != null) {
                learn(event, courseId, courseVersion, String.valueOf(cube.get("cubeId")), cube.get("kind"));
            }
        }
    }

    private void learn(DomainEvent event, String courseId, int courseVersion, String cubeId, Object kind) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(cubeId)
                .and("organizationId").is(event.orgId())
                .and("courseVersion").lt(courseVersion));
        Update update = new Update()
                .set("courseId", courseId)
                .set("courseTitle", event.string("title"))
                .set("courseVersion", courseVersion)
                .set("kind", kind == null ? null : kind.toString())
                .set("publishedAt", Date.from(event.occurredAt()));
        // an inserted fact takes _id and organizationId from the query's equalities
        Idempotent.applyOnce(mongo, CubeFactDocument.COLLECTION, olderOrMissing, update, event.eventId(), true);
    }
}
