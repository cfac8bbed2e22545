package com.cycube.labs.cubes;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.Idempotent;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code lab_cubes} in step with the catalog's published courses ({@code catalog.CoursePublished}): every
 * cube of the published version is stored with its kind and template, and cubes an earlier version had but this
 * one dropped stop being launchable. Versions only grow, so a redelivered or late older version changes nothing
 * (condition {@code courseVersion} not above the event's); each cube document applies an event once
 * ({@link Idempotent#applyOnce}).
 *
 * <p>{@code catalog.CourseArchived} (payload {@code courseId} only) makes the course's cubes unlaunchable
 * ({@code archived}): every cube labs knows of the course, and a marker in {@value #ARCHIVES} (id = course id) so
 * that any publication delivered after the archive stays archived — the catalog never changes or republishes an
 * archived course, so every publication precedes its archive. Running labs are never touched.
 *
 * <p>A handler is trusted system code with no caller: it writes with {@link MongoTemplate} directly, every write
 * pinned to the event's organization ({@code organizationId == event.orgId()}, null for a GLOBAL course) — so an
 * event of one organization can never change a cube another organization's course owns.
 */
@Component
public class CoursePublishedHandler implements EventHandler {

    public static final String COURSE_PUBLISHED = "catalog.CoursePublished";
    public static final String COURSE_ARCHIVED = "catalog.CourseArchived";
    /** One document per archived course: {@code _id} course id, {@code organizationId}, {@code archivedAt}. */
    public static final String ARCHIVES = "lab_course_archives";
    private static final Logger log = LoggerFactory.getLogger(CoursePublishedHandler.class);

    private final MongoTemplate mongo;

    public CoursePublishedHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String group() {
        return "labs.lab-cubes";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(COURSE_PUBLISHED, COURSE_ARCHIVED);
    }

    @Override
    public void handle(DomainEvent event) {
        if (COURSE_ARCHIVED.equals(event.type())) {
            archived(event);
        } else {
            published(event);
        }
    }

    private void archived(DomainEvent event) {
        String courseId = event.string("courseId");
        if (courseId == null) {
            log.warn("Ignoring {} {} without courseId", event.type(), event.eventId());
            return;
        }
        String organizationId = event.orgId();
        // the marker: pinned to _id and the event's organization (another tenant's course id hits the existing _id
        // and changes nothing)
        Idempotent.applyOnce(mongo, ARCHIVES, Query.query(Criteria.where("_id").is(courseId).and("organizationId").is(organizationId)),
                new Update().setOnInsert("archivedAt", Date.from(event.occurredAt())), event.eventId(), true);
        // idempotent by itself (sets the same value)
        mongo.updateMulti(Query.query(Criteria.where("courseId").is(courseId).and("organizationId").is(organizationId)),
                new Update().set("archived", true), LabCubeDocument.COLLECTION);
    }

    /**
     * Whether the course was archived: then no publication makes its cubes launchable again, however late it
     * arrives or whatever its version — the catalog never changes or republishes an archived course, so every
     * publication precedes the archive (comparing versions or clocks of different catalog instances could only get
     * this wrong).
     */
    private boolean isArchived(String courseId, String organizationId) {
        Query markerQuery = Query.query(Criteria.where("_id").is(courseId).and("organizationId").is(organizationId));
        return mongo.exists(markerQuery, ARCHIVES);
    }

    private void published(DomainEvent event) {
        String courseId = event.string("courseId");
        Object versionValue = event.payload().get("version");
        if (courseId == null || !(versionValue instanceof Number number)) {
            log.warn("Ignoring {} {} without courseId or version", event.type(), event.eventId());
            return;
        }
        int version = number.intValue();
        String organizationId = event.orgId();
        String visibility = event.string("visibility");
        Date occurredAt = Date.from(event.occurredAt());
        boolean archived = isArchived(courseId, organizationId);
        List<String> cubeIds = new ArrayList<>();
        for (Object item : event.payload().getList("cubes", Object.class, List.of())) {
            if (!(item instanceof Document cube) || cube.getString("cubeId") == null) {
                continue;
            }
            String cubeId = cube.getString("cubeId");
            cubeIds.add(cubeId);
            String kind = cube.getString("kind");
            Query notNewer = Query.query(Criteria.where("_id").is(cubeId).and("organizationId").is(organizationId)
                    .and("courseVersion").not().gt(version));
            Update update = new Update().set("courseId", courseId).set("courseVersion", version)
                    .set("visibility", visibility).set("kind", kind).set("labTemplateId", cube.getString("labTemplateId"))
                    .set("lab", "LAB".equals(kind)).set("occurredAt", occurredAt).set("archived", archived);
            Idempotent.applyOnce(mongo, LabCubeDocument.COLLECTION, notNewer, update, event.eventId(), true);
        }
        // Cubes an older version of this course had and this one dropped: no longer launchable. Idempotent by
        // itself (re-applying sets the same values), and never touches a newer version's cubes.
        mongo.updateMulti(Query.query(Criteria.where("courseId").is(courseId).and("organizationId").is(organizationId)
                        .and("courseVersion").lt(version).and("_id").nin(cubeIds)),
                new Update().set("lab", false).set("courseVersion", version).set("occurredAt", occurredAt),
                LabCubeDocument.COLLECTION);
    }
}
