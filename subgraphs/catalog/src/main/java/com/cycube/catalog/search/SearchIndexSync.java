package com.cycube.catalog.search;

import com.cycube.catalog.courses.CourseContent;
import com.cycube.catalog.courses.CourseDocument;
import com.cycube.catalog.courses.CourseStatus;
import com.cycube.catalog.courses.CourseVersionDocument;
import com.cycube.catalog.courses.CubeContent;
import com.cycube.catalog.courses.ModuleContent;
import com.cycube.catalog.skills.SkillDocument;
import com.cycube.catalog.skills.SkillService;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's {@link CatalogSearchIndex} in step with MongoDB, the source of truth:
 * <ol>
 *   <li>at startup the index is rebuilt from every published course;</li>
 *   <li>this instance's publish/archive updates it right after the MongoDB write succeeded
 *       ({@link #published}, {@link #archived});</li>
 *   <li>a change-stream listener on {@code courses} re-reads every changed course, so publishes made by other
 *       instances reach this index too (idempotent: the document is re-read, not the event replayed). If the
 *       stream breaks, the listener rebuilds the whole index and resumes.</li>
 * </ol>
 *
 * <p>It reads with {@link MongoTemplate} directly, not the tenant-scoped accessor, because the index is
 * platform-wide: it must hold every organization's published courses. Tenant isolation of search results is
 * enforced per query by the index's audience filter (and the hits' courses are re-read tenant-scoped).
 */
@Component
@Order(100)
public class SearchIndexSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexSync.class);
    private static final java.time.Duration POLL_INTERVAL = java.time.Duration.ofMillis(250);

    /** What {@link #onChangeStreamRefresh} observers receive when the whole index was rebuilt. */
    public static final String EVERY_COURSE = "*";

    private final CatalogSearchIndex index = new CatalogSearchIndex();
    private final MongoTemplate mongo;
    private final SkillService skills;
    private final boolean changeStreamEnabled;
    private volatile boolean running = true;
    private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
    private Thread listener;
    private final List<Consumer<String>> refreshObservers = new CopyOnWriteArrayList<>();

    public SearchIndexSync(MongoTemplate mongo, SkillService skills,
                           @Value("${cycube.catalog.search.change-stream-enabled:true}") boolean changeStreamEnabled) {
        this.mongo = mongo;
        this.skills = skills;
        this.changeStreamEnabled = changeStreamEnabled;
    }

    public CatalogSearchIndex index() {
        return index;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuild();
        if (changeStreamEnabled) {
            listener = new Thread(this::follow, "catalog-search-change-stream");
            listener.setDaemon(true);
            listener.start();
        }
    }

    /**
     * Calls {@code observer} with the course id each time the change stream brought a course up to date, or with
     * {@link #EVERY_COURSE} when it rebuilt the whole index.
     */
    public void onChangeStreamRefresh(Consumer<String> observer) {
        refreshObservers.add(observer);
    }

    /** Re-reads every published course from MongoDB into a fresh index. */
    public void rebuild() {
        List<CourseDocument> heads = mongo.find(Query.query(Criteria.where("status").is(CourseStatus.PUBLISHED.name())),
                CourseDocument.class);
        index.replaceAll(searchable(heads));
        log.info("Catalog search index rebuilt with {} published courses", index.size());
    }

    /** After a publish was stored: the new published version replaces the course's entry. */
    public void published(CourseDocument head, CourseContent content) {
        index.upsert(searchable(head, content, skillNames(content.skillIds())));
    }

    /** After an archive was stored: the course can no longer be found. */
    public void archived(String courseId) {
        index.remove(courseId);
    }

    /** Brings one course's entry in line with what MongoDB now holds. */
    public void refresh(String courseId) {
        CourseDocument head = mongo.findById(courseId, CourseDocument.class);
        if (head == null || head.status() != CourseStatus.PUBLISHED) {
            index.remove(courseId);
            return;
        }
        List<SearchableCourse> course = searchable(List.of(head));
        if (course.isEmpty()) {
            index.remove(courseId);
        } else {
            index.upsert(course.get(0));
        }
    }

    private List<SearchableCourse> searchable(Collection<CourseDocument> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        List<String> versionIds = heads.stream()
                .map(head -> CourseVersionDocument.idOf(head.id(), head.publishedVersion())).toList();
        Map<String, CourseVersionDocument> versions = mongo.find(Query.query(Criteria.where("_id").in(versionIds)),
                CourseVersionDocument.class).stream().collect(Collectors.toMap(CourseVersionDocument::id, Function.identity()));
        Map<String, SkillDocument> skillsById = skills.byIds(versions.values().stream()
                .flatMap(v -> v.content().skillIds().stream()).distinct().toList());
        List<SearchableCourse> result = new ArrayList<>();
        for (CourseDocument head : heads) {
            CourseVersionDocument version = versions.get(CourseVersionDocument.idOf(head.id(), head.publishedVersion()));
            if (version == null) {
                log.warn("Course {} points at missing published version {}", head.id(), head.publishedVersion());
                continue;
            }
            List<String> names = version.content().skillIds().stream()
                    .map(skillsById::get).filter(java.util.Objects::nonNull).map(SkillDocument::name).toList();
            result.add(searchable(head, version.content(), names));
        }
        return result;
    }

    private List<String> skillNames(List<String> skillIds) {
        Map<String, SkillDocument> byId = skills.byIds(skillIds);
        return skillIds.stream().map(byId::get).filter(java.util.Objects::nonNull).map(SkillDocument::name).toList();
    }

    private static SearchableCourse searchable(CourseDocument head, CourseContent content, List<String> skillNames) {
        return new SearchableCourse(head.id(), head.organizationId(), content.title(), content.summary(),
                content.modules().stream().map(ModuleContent::title).toList(),
                content.modules().stream().flatMap(m -> m.cubes().stream()).map(CubeContent::title).toList(),
                skillNames);
    }

    // ---------------------------------------------------------------- change stream

    private void follow() {
        BsonDocument resumeToken = null;
        while (running) {
            try {
                var watch = mongo.getCollection("courses").watch()
                        .fullDocument(FullDocument.DEFAULT)
                        .maxAwaitTime(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                if (resumeToken != null) {
                    watch = watch.resumeAfter(resumeToken);
                }
                try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> opened = watch.cursor()) {
                    cursor = opened;
                    while (running) {
                        long asked = System.nanoTime();
                        ChangeStreamDocument<Document> change = opened.tryNext();
                        if (change == null) {
                            idleAfter(asked);
                            continue;
                        }
                        resumeToken = change.getResumeToken();
                        Optional<String> courseId = courseId(change.getDocumentKey());
                        if (courseId.isPresent()) {
                            refresh(courseId.get());
                        } else {
                            // mongo-java-server reports the update operators instead of {_id} as documentKey of
                            // update events; real MongoDB does not. Without the id, re-read everything.
                            rebuild();
                        }
                        String refreshed = courseId.orElse(EVERY_COURSE);
                        refreshObservers.forEach(observer -> observer.accept(refreshed));
                    }
                }
            } catch (RuntimeException broken) {
                if (!running) {
                    return;
                }
                log.warn("Catalog search change stream interrupted ({}); rebuilding the index and resuming",
                        broken.toString());
                resumeToken = null;
                pause();
                try {
                    rebuild();
                } catch (RuntimeException rebuildFailed) {
                    log.warn("Catalog search index rebuild failed: {}", rebuildFailed.toString());
                }
            }
        }
    }

    private static Optional<String> courseId(BsonDocument key) {
        BsonValue id = key == null ? null : key.get("_id");
        return id != null && id.isString() ? Optional.of(id.asString().getValue()) : Optional.empty();
    }

    /**
     * Real MongoDB holds an empty getMore open for maxAwaitTime; mongo-java-server answers at once. Wait out the
     * rest of the poll interval here so an idle stream never spins a core.
     */
    private void idleAfter(long askedAtNanos) {
        long remaining = POLL_INTERVAL.toNanos() - (System.nanoTime() - askedAtNanos);
        if (remaining > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(remaining);
        }
    }

    private void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() throws Exception {
        running = false;
        MongoChangeStreamCursor<?> open = cursor;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException ignored) {
                // closing races with the listener thread's own close
            }
        }
        if (listener != null) {
            listener.interrupt();
            listener.join(2_000);
        }
        index.close();
    }
}
