package com.cycube.catalog.search;

import com.cycube.catalog.courses.CourseDocument;
import com.cycube.catalog.courses.CourseStatus;
import com.cycube.catalog.courses.CourseVersionDocument;
import com.cycube.support.changes.ChangeStreamFollower;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the search index reads: the published courses of <em>every</em> organization, and the change stream of
 * {@code courses}. It reads with {@link MongoTemplate} directly, not the tenant-scoped accessor, because the index
 * is platform-wide; tenant isolation of search results is enforced per query by the index's audience filter (and
 * the hits' courses are re-read tenant-scoped).
 */
@Component
public class PublishedCourseStore {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final MongoTemplate mongo;

    public PublishedCourseStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<CourseDocument> publishedHeads() {
        return mongo.find(published(), CourseDocument.class);
    }

    /** The head revision of every published course (one small projected read). */
    public Map<String, Long> publishedRevisions() {
        Query query = published();
        query.fields().include("revision");
        Map<String, Long> revisions = new HashMap<>();
        mongo.find(query, Document.class, "courses")
                .forEach(head -> revisions.put(String.valueOf(head.get("_id")), revisionOf(head)));
        return revisions;
    }

    /** The head revision of the course if it is published; empty when it is missing or not published. */
    public Optional<Long> publishedRevision(String courseId) {
        Query byId = Query.query(Criteria.where("_id").is(courseId));
        byId.fields().include("status").include("revision");
        Document state = mongo.findOne(byId, Document.class, "courses");
        if (state == null || !CourseStatus.PUBLISHED.name().equals(state.getString("status"))) {
            return Optional.empty();
        }
        return Optional.of(revisionOf(state));
    }

    public Optional<CourseDocument> head(String courseId) {
        return Optional.ofNullable(mongo.findById(courseId, CourseDocument.class));
    }

    /** The published version documents of {@code heads}, by version document id. */
    public Map<String, CourseVersionDocument> publishedVersions(Collection<CourseDocument> heads) {
        List<String> versionIds = heads.stream()
                .map(head -> CourseVersionDocument.idOf(head.id(), head.publishedVersion())).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(versionIds)), CourseVersionDocument.class).stream()
                .collect(Collectors.toMap(CourseVersionDocument::id, Function.identity()));
    }

    /** Starts following the change stream of {@code courses}; closing the follower stops it. */
    public ChangeStreamFollower followHeads(ChangeStreamFollower.Handler handler) {
        return ChangeStreamFollower.start(mongo, "courses", POLL_INTERVAL, RETRY_PAUSE, handler);
    }

    private static Query published() {
        return Query.query(Criteria.where("status").is(CourseStatus.PUBLISHED.name()));
    }

    private static Long revisionOf(Document head) {
        return head.get("revision") instanceof Number number ? number.longValue() : 0L;
    }
}
