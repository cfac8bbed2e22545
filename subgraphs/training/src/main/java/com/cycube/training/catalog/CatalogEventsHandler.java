package com.cycube.training.catalog;

import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.catalog.LearningPathPublished;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Idempotent;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps training's copy of the catalog (course structure, archival, learning paths) from the catalog's events,
 * following the one ordering rule (docs/events.md): a publication only replaces a lower {@code version} (a course's,
 * a path's; a stored path without one counts as 0), and an archive is final — the first one is kept and no
 * publication, however late, re-opens the course. So late or repeated events change nothing, and no clock decides.
 * Trusted system code without a caller, hence {@link MongoTemplate}; every criterion names the owning organization.
 */
@Component
public class CatalogEventsHandler implements EventHandler {

    private final MongoTemplate mongo;

    public CatalogEventsHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String group() {
        return "training.catalog";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(CoursePublished.class, CourseArchived.class, LearningPathPublished.class);
    }

    @Override
    public void handle(DomainEvent event) {
        if (event.is(CoursePublished.class)) {
            coursePublished(event, event.payloadAs(CoursePublished.class));
        } else if (event.is(CourseArchived.class)) {
            courseArchived(event, event.payloadAs(CourseArchived.class));
        } else if (event.is(LearningPathPublished.class)) {
            pathPublished(event, event.payloadAs(LearningPathPublished.class));
        }
    }

    private void coursePublished(DomainEvent event, CoursePublished published) {
        String owner = published.global() ? null : owner(event, published.organizationId());
        List<CourseCube> cubes = published.cubes().stream().sorted(Comparator.comparingInt(CoursePublished.Cube::position))
                .map(cube -> new CourseCube(cube.cubeId(), cube.moduleId(), CubeKind.parse(cube.kind()),
                        cube.labTemplateId(), cube.estimatedMinutes(), cube.position()))
                .toList();
        Update update = new Update().set("title", published.title()).set("version", published.version())
                .set("cubes", mongo.getConverter().convertToMongoType(cubes)).set("publishedAt", Date.from(event.occurredAt()));
        Idempotent.applyOnce(mongo, CourseDocument.COLLECTION, lowerVersion(published.courseId(), owner, published.version()),
                update, event.eventId(), true);
    }

    /** Terminal: only a course not archived yet takes the archive (an archived one makes the upsert a no-op). */
    private void courseArchived(DomainEvent event, CourseArchived archived) {
        Query notYetArchived = Query.query(Criteria.where("_id").is(archived.courseId())
                .and("organizationId").is(event.orgId()).and("archivedAt").is(null));
        Idempotent.applyOnce(mongo, CourseDocument.COLLECTION, notYetArchived,
                new Update().set("archivedAt", Date.from(event.occurredAt())), event.eventId(), true);
    }

    private void pathPublished(DomainEvent event, LearningPathPublished published) {
        String owner = published.global() ? null : owner(event, published.organizationId());
        Update update = new Update().set("title", published.title()).set("courseIds", published.courseIds())
                .set("version", published.versionOrZero());
        Idempotent.applyOnce(mongo, LearningPathDocument.COLLECTION, lowerVersion(published.pathId(), owner, published.versionOrZero()),
                update, event.eventId(), true);
    }

    /** Organization content belongs to the event's organization (the payload's, for an event without one). */
    private static String owner(DomainEvent event, String organizationId) {
        return event.orgId() != null ? event.orgId() : organizationId;
    }

    /** The document {@code id} of {@code owner}, unless it already holds {@code version} or a higher one. */
    private static Query lowerVersion(String id, String owner, long version) {
        return Query.query(Criteria.where("_id").is(id).and("organizationId").is(owner)
                .orOperator(Criteria.where("version").is(null), Criteria.where("version").lt(version)));
    }
}
