package com.cycube.training.catalog;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.Idempotent;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps training's copy of the catalog (course structure, archival, learning paths) from the catalog's events.
 * Order-insensitive: a publication only replaces an older version, an archival only a older archival, so late or
 * repeated events change nothing. Trusted system code without a caller, hence {@link MongoTemplate}; every
 * criterion names the owning organization taken from the event.
 */
@Component
public class CatalogEvents implements EventHandler {

    static final String PUBLISHED = "catalog.CoursePublished";
    static final String ARCHIVED = "catalog.CourseArchived";
    static final String PATH_PUBLISHED = "catalog.LearningPathPublished";

    private final MongoTemplate mongo;

    public CatalogEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String group() {
        return "training.catalog";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PUBLISHED, ARCHIVED, PATH_PUBLISHED);
    }

    @Override
    public void handle(DomainEvent event) {
        switch (event.type()) {
            case PUBLISHED -> coursePublished(event);
            case ARCHIVED -> courseArchived(event);
            case PATH_PUBLISHED -> pathPublished(event);
            default -> { }
        }
    }

    private void coursePublished(DomainEvent event) {
        String courseId = event.string("courseId");
        if (courseId == null) {
            return;
        }
        int version = event.payload().get("version") instanceof Number n ? n.intValue() : 0;
        Query olderOrMissing = Query.query(Criteria.where("_id").is(courseId)
                .and("organizationId").is(owner(event))
                .orOperator(Criteria.where("version").is(null), Criteria.where("version").lt(version)));
        Update update = new Update().set("title", event.string("title")).set("version", version)
                .set("cubes", cubes(event.payload())).set("publishedAt", Date.from(event.occurredAt()));
        Idempotent.applyOnce(mongo, CourseDocument.COLLECTION, olderOrMissing, update, event.eventId(), true);
    }

    private void courseArchived(DomainEvent event) {
        String courseId = event.string("courseId");
        if (courseId == null) {
            return;
        }
        Query olderOrMissing = Query.query(Criteria.where("_id").is(courseId)
                .orOperator(Criteria.where("archivedAt").is(null), Criteria.where("archivedAt").lt(Date.from(event.occurredAt()))));
        olderOrMissing.addCriteria(Criteria.where("organizationId").is(event.orgId()));
        Idempotent.applyOnce(mongo, CourseDocument.COLLECTION, olderOrMissing,
                new Update().set("archivedAt", Date.from(event.occurredAt())), event.eventId(), true);
    }

    private void pathPublished(DomainEvent event) {
        String pathId = event.string("pathId");
        if (pathId == null) {
            return;
        }
        Query olderOrMissing = Query.query(Criteria.where("_id").is(pathId).and("organizationId").is(owner(event))
                .orOperator(Criteria.where("occurredAt").is(null), Criteria.where("occurredAt").lt(Date.from(event.occurredAt()))));
        Update update = new Update().set("title", event.string("title"))
                .set("courseIds", strings(event.payload().get("courseIds")))
                .set("occurredAt", Date.from(event.occurredAt()));
        Idempotent.applyOnce(mongo, LearningPathDocument.COLLECTION, olderOrMissing, update, event.eventId(), true);
    }

    /** GLOBAL content belongs to nobody (null); organization content to the event's organization. */
    private static String owner(DomainEvent event) {
        if ("GLOBAL".equals(event.string("visibility"))) {
            return null;
        }
        return event.orgId() != null ? event.orgId() : event.string("organizationId");
    }

    private static List<Document> cubes(Document payload) {
        List<Document> cubes = new ArrayList<>();
        if (!(payload.get("cubes") instanceof List<?> list)) {
            return cubes;
        }
        int index = 0;
        for (Object item : list) {
            if (item instanceof Document cube && cube.get("cubeId") != null) {
                Object position = cube.get("position");
                cubes.add(new Document("cubeId", cube.get("cubeId").toString())
                        .append("moduleId", cube.get("moduleId"))
                        .append("kind", CubeKind.parse(cube.get("kind")).name())
                        .append("labTemplateId", cube.get("labTemplateId"))
                        .append("estimatedMinutes", cube.get("estimatedMinutes"))
                        .append("position", position instanceof Number n ? n.intValue() : index));
                index++;
            }
        }
        cubes.sort(java.util.Comparator.comparingInt(cube -> cube.getInteger("position")));
        return cubes;
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList()
                : List.of();
    }
}
