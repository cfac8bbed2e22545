package com.cycube.catalog.events;

import com.cycube.catalog.courses.ContentVisibility;
import com.cycube.catalog.courses.CourseContent;
import com.cycube.catalog.courses.CubeContent;
import com.cycube.catalog.courses.ModuleContent;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the catalog tells the other subgraphs (docs/events.md). Each event is stored by the write that makes the
 * change it reports — the head's publish/archive compare-and-set, the learning path's publish — or, for a
 * document inserted already published (demo data), by that insert ({@link #insertWithEvents}).
 */
public final class CatalogEvents {

    public static final String COURSE_PUBLISHED = "catalog.CoursePublished";
    public static final String COURSE_ARCHIVED = "catalog.CourseArchived";
    public static final String LEARNING_PATH_PUBLISHED = "catalog.LearningPathPublished";

    private CatalogEvents() {
    }

    /**
     * A published version with its whole structure: every cube in course order (modules in order, cubes in order
     * inside each), {@code position} counting from 1 across the whole course.
     */
    public static DomainEvent coursePublished(String courseId, String organizationId, int version, CourseContent content,
                                              Instant at) {
        List<Document> cubes = new ArrayList<>();
        for (ModuleContent module : content.modules()) {
            for (CubeContent cube : module.cubes()) {
                cubes.add(new Document("cubeId", cube.id()).append("moduleId", module.id())
                        .append("kind", cube.kind().name()).append("labTemplateId", cube.labTemplateId())
                        .append("estimatedMinutes", cube.estimatedMinutes()).append("position", cubes.size() + 1));
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("courseId", courseId);
        payload.put("version", version);
        payload.put("title", content.title());
        payload.put("visibility", ContentVisibility.of(organizationId).name());
        payload.put("organizationId", organizationId);
        payload.put("cubes", cubes);
        return DomainEvent.of(COURSE_PUBLISHED, organizationId, at, payload);
    }

    public static DomainEvent courseArchived(String courseId, String organizationId, Instant at) {
        return DomainEvent.of(COURSE_ARCHIVED, organizationId, at, Map.of("courseId", courseId));
    }

    public static DomainEvent learningPathPublished(String pathId, String organizationId, String title,
                                                    List<String> courseIds, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("pathId", pathId);
        payload.put("title", title);
        payload.put("visibility", ContentVisibility.of(organizationId).name());
        payload.put("organizationId", organizationId);
        payload.put("courseIds", List.copyOf(courseIds));
        return DomainEvent.of(LEARNING_PATH_PUBLISHED, organizationId, at, payload);
    }

    /**
     * Inserts a mapped document (stored exactly as {@code MongoTemplate.insert(entity)} would store it) together
     * with its events in {@code _outbox}: one write, so the events exist exactly when the document does.
     */
    public static void insertWithEvents(MongoTemplate mongo, Object entity, String collection, DomainEvent... events) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        document.put(Outbox.FIELD, Outbox.field(events));
        mongo.insert(document, collection);
    }
}
