package com.cycube.labs.cubes;

import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Idempotent;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code lab_cubes} in step with the catalog's published courses, following the ordering rule of the event
 * contracts:
 * <ul>
 *   <li>{@link CoursePublished} states the course's current structure with a {@code version} that only grows: every
 *       cube of the version is stored with its kind and template unless a higher version is stored, and cubes an
 *       earlier version had but this one dropped stop being launchable. A redelivered or late older version changes
 *       nothing; each cube document applies an event once ({@link Idempotent#applyOnce}).</li>
 *   <li>{@link CourseArchived} is a terminal fact: the archive wins over any later-arriving publication, whatever
 *       its version. Labs applies that rule with an archive marker in {@value #ARCHIVES} (id = course id): the
 *       course's cubes become unlaunchable ({@code archived}), and every publication delivered after the marker
 *       exists stores its cubes archived. Running labs are never touched.</li>
 * </ul>
 *
 * <p>A handler is trusted system code with no caller: it writes with {@link MongoTemplate} directly, every write
 * pinned to the event's organization ({@code organizationId == event.orgId()}, null for a GLOBAL course) — so an
 * event of one organization can never change a cube another organization's course owns.
 */
@Component
public class CoursePublishedHandler implements EventHandler {

    /** One document per archived course: {@code _id} course id, {@code organizationId}, {@code archivedAt}. */
    public static final String ARCHIVES = "lab_course_archives";

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
        return EventPayload.typesOf(CoursePublished.class, CourseArchived.class);
    }

    @Override
    public void handle(DomainEvent event) {
        if (event.is(CourseArchived.class)) {
            archived(event, event.payloadAs(CourseArchived.class));
        } else if (event.is(CoursePublished.class)) {
            published(event, event.payloadAs(CoursePublished.class));
        }
    }

    private void archived(DomainEvent event, CourseArchived archive) {
        Criteria course = ofCourse(archive.courseId(), event.orgId());
        // the marker (another tenant's course id hits the existing _id and changes nothing)
        Idempotent.applyOnce(mongo, ARCHIVES, Query.query(course),
                new Update().setOnInsert("archivedAt", Date.from(event.occurredAt())), event.eventId(), true);
        // idempotent by itself (sets the same value)
        mongo.updateMulti(Query.query(Criteria.where("courseId").is(archive.courseId()).and("organizationId").is(event.orgId())),
                new Update().set("archived", true), LabCubeDocument.COLLECTION);
    }

    private void published(DomainEvent event, CoursePublished course) {
        String organizationId = event.orgId();
        int version = course.version();
        Date occurredAt = Date.from(event.occurredAt());
        // the terminal rule: once the archive is known, no publication makes the course's cubes launchable again
        boolean archived = mongo.exists(Query.query(ofCourse(course.courseId(), organizationId)), ARCHIVES);
        List<String> cubeIds = course.cubes().stream().map(CoursePublished.Cube::cubeId).toList();
        for (CoursePublished.Cube cube : course.cubes()) {
            Query notNewer = Query.query(Criteria.where("_id").is(cube.cubeId()).and("organizationId").is(organizationId)
                    .and("courseVersion").not().gt(version));
            Update update = new Update().set("courseId", course.courseId()).set("courseVersion", version)
                    .set("visibility", course.visibility()).set("kind", cube.kind()).set("labTemplateId", cube.labTemplateId())
                    .set("lab", "LAB".equals(cube.kind())).set("occurredAt", occurredAt).set("archived", archived);
            Idempotent.applyOnce(mongo, LabCubeDocument.COLLECTION, notNewer, update, event.eventId(), true);
        }
        // Cubes an older version of this course had and this one dropped: no longer launchable. Idempotent by
        // itself (re-applying sets the same values), and never touches a newer version's cubes.
        mongo.updateMulti(Query.query(Criteria.where("courseId").is(course.courseId()).and("organizationId").is(organizationId)
                        .and("courseVersion").lt(version).and("_id").nin(cubeIds)),
                new Update().set("lab", false).set("courseVersion", version).set("occurredAt", occurredAt),
                LabCubeDocument.COLLECTION);
    }

    /** The archive marker of {@code courseId}, pinned to the event's organization. */
    private static Criteria ofCourse(String courseId, String organizationId) {
        return Criteria.where("_id").is(courseId).and("organizationId").is(organizationId);
    }
}
