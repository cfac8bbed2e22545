package com.cycube.catalog.search;

import com.cycube.catalog.courses.CourseContent;
import com.cycube.catalog.courses.CourseDocument;
import com.cycube.catalog.courses.CourseStatus;
import com.cycube.catalog.courses.CourseVersionDocument;
import com.cycube.catalog.courses.CubeContent;
import com.cycube.catalog.courses.ModuleContent;
import com.cycube.catalog.skills.SkillDocument;
import com.cycube.catalog.skills.SkillService;
import com.cycube.support.changes.ChangeStreamFollower;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 *       instances reach this index too (idempotent: the document is re-read, not the event replayed). A course
 *       whose head {@code revision} is already indexed is skipped, so writes that change nothing searchable —
 *       the outbox relay's {@code $pull} of relayed events from {@code _outbox} — cost no re-indexing. If the
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
    private static final java.time.Duration RETRY_PAUSE = java.time.Duration.ofSeconds(2);

    /** What {@link #onChangeStreamRefresh} observers receive when the whole index was rebuilt. */
    public static final String EVERY_COURSE = "*";

    private final CatalogSearchIndex index = new CatalogSearchIndex();
    private final MongoTemplate mongo;
    private final SkillService skills;
    private final boolean changeStreamEnabled;
    private ChangeStreamFollower follower;
    private final List<Consumer<String>> refreshObservers = new CopyOnWriteArrayList<>();
    /** The head revision each indexed course was indexed at. */
    private final Map<String, Long> indexedRevisions = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong rebuilds = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong reindexed = new java.util.concurrent.atomic.AtomicLong();

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
            follower = ChangeStreamFollower.start(mongo, "courses", POLL_INTERVAL, RETRY_PAUSE,
                    new ChangeStreamFollower.Handler() {
                        @Override
                        public void changed(Optional<String> courseId) {
                            onCourseChanged(courseId);
                        }

                        @Override
                        public void resumed() {
                            rebuild();
                        }
                    });
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
    public synchronized void rebuild() {
        List<CourseDocument> heads = mongo.find(Query.query(Criteria.where("status").is(CourseStatus.PUBLISHED.name())),
                CourseDocument.class);
        index.replaceAll(searchable(heads));
        indexedRevisions.clear();
        heads.forEach(head -> indexedRevisions.put(head.id(), head.revision()));
        rebuilds.incrementAndGet();
        log.info("Catalog search index rebuilt with {} published courses", index.size());
    }

    /** After a publish was stored: the new published version replaces the course's entry. */
    public synchronized void published(CourseDocument head, CourseContent content) {
        index.upsert(searchable(head, content, skillNames(content.skillIds())));
        indexedRevisions.put(head.id(), head.revision());
    }

    /** After an archive was stored: the course can no longer be found. */
    public synchronized void archived(String courseId) {
        index.remove(courseId);
        indexedRevisions.remove(courseId);
    }

    /**
     * Brings one course's entry in line with what MongoDB now holds. A head whose {@code revision} is the one
     * already indexed is left alone: every change a search could see moves the revision, while writes that do not
     * — above all the outbox relay pulling relayed events out of {@code _outbox} — leave the index untouched.
     */
    public synchronized void refresh(String courseId) {
        Query byId = Query.query(Criteria.where("_id").is(courseId));
        byId.fields().include("status").include("revision");
        org.bson.Document state = mongo.findOne(byId, org.bson.Document.class, "courses");
        if (state == null || !CourseStatus.PUBLISHED.name().equals(state.getString("status"))) {
            index.remove(courseId);
            indexedRevisions.remove(courseId);
            return;
        }
        if (java.util.Objects.equals(indexedRevisions.get(courseId), revisionOf(state))) {
            return;
        }
        CourseDocument head = mongo.findById(courseId, CourseDocument.class);
        List<SearchableCourse> course = head == null ? List.of() : searchable(List.of(head));
        if (course.isEmpty()) {
            index.remove(courseId);
            indexedRevisions.remove(courseId);
        } else {
            index.upsert(course.get(0));
            indexedRevisions.put(courseId, head.revision());
            reindexed.incrementAndGet();
        }
    }

    /**
     * A course changed but the change event does not say which (the embedded store's update events): compares
     * the published heads' revisions (one small projected read) with what is indexed and refreshes only the
     * courses that differ — so the relay's {@code $pull} of {@code _outbox} costs one projected read, no indexing.
     */
    public synchronized void catchUp() {
        Query published = Query.query(Criteria.where("status").is(CourseStatus.PUBLISHED.name()));
        published.fields().include("revision");
        Map<String, Long> current = new java.util.HashMap<>();
        mongo.find(published, org.bson.Document.class, "courses")
                .forEach(head -> current.put(String.valueOf(head.get("_id")), revisionOf(head)));
        for (String gone : List.copyOf(indexedRevisions.keySet())) {
            if (!current.containsKey(gone)) {
                index.remove(gone);
                indexedRevisions.remove(gone);
            }
        }
        current.forEach((courseId, revision) -> {
            if (!revision.equals(indexedRevisions.get(courseId))) {
                refresh(courseId);
            }
        });
    }

    /** How many full rebuilds and single-course re-indexings happened (for tests and diagnostics). */
    public long rebuilds() {
        return rebuilds.get();
    }

    public long reindexed() {
        return reindexed.get();
    }

    private static Long revisionOf(org.bson.Document head) {
        Object revision = head.get("revision");
        return revision instanceof Number number ? number.longValue() : 0L;
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

    /** A course changed on some instance: bring it up to date, or everything when the event does not say which. */
    private void onCourseChanged(Optional<String> courseId) {
        if (courseId.isPresent()) {
            refresh(courseId.get());
        } else {
            // mongo-java-server reports the update operators instead of {_id} as documentKey of
            // update events; real MongoDB does not. Without the id, compare every published head's revision.
            catchUp();
        }
        String refreshed = courseId.orElse(EVERY_COURSE);
        refreshObservers.forEach(observer -> observer.accept(refreshed));
    }

    @PreDestroy
    void stop() throws Exception {
        if (follower != null) {
            follower.close();
        }
        index.close();
    }
}
