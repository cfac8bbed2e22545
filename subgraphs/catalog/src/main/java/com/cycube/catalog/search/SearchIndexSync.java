package com.cycube.catalog.search;

import com.cycube.catalog.courses.CourseContent;
import com.cycube.catalog.courses.CourseDocument;
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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
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
 *       stream breaks, the listener rebuilds the whole index and resumes. It follows the platform's one switch
 *       for change streams, {@code cycube.change-streams.enabled}. (It is not a subscription feed: it keeps a
 *       cache, so it uses the {@link ChangeStreamFollower} directly.)</li>
 * </ol>
 * What it reads, platform-wide, comes from {@link PublishedCourseStore}.
 */
@Component
@Order(100)
public class SearchIndexSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexSync.class);

    /** What {@link #onChangeStreamRefresh} observers receive when the whole index was rebuilt. */
    public static final String EVERY_COURSE = "*";

    private final CatalogSearchIndex index = new CatalogSearchIndex();
    private final PublishedCourseStore courses;
    private final SkillService skills;
    private final boolean changeStreamEnabled;
    private ChangeStreamFollower follower;
    private final List<Consumer<String>> refreshObservers = new CopyOnWriteArrayList<>();
    /** The head revision each indexed course was indexed at. */
    private final Map<String, Long> indexedRevisions = new ConcurrentHashMap<>();
    private final AtomicLong rebuilds = new AtomicLong();
    private final AtomicLong reindexed = new AtomicLong();

    public SearchIndexSync(PublishedCourseStore courses, SkillService skills,
                           @Value("${cycube.change-streams.enabled:true}") boolean changeStreamEnabled) {
        this.courses = courses;
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
            follower = courses.followHeads(new ChangeStreamFollower.Handler() {
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
        List<CourseDocument> heads = courses.publishedHeads();
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
        forget(courseId);
    }

    /**
     * Brings one course's entry in line with what MongoDB now holds. A head whose {@code revision} is the one
     * already indexed is left alone: every change a search could see moves the revision, while writes that do not
     * — above all the outbox relay pulling relayed events out of {@code _outbox} — leave the index untouched.
     */
    public synchronized void refresh(String courseId) {
        Optional<Long> revision = courses.publishedRevision(courseId);
        if (revision.isEmpty()) {
            forget(courseId);
            return;
        }
        if (revision.get().equals(indexedRevisions.get(courseId))) {
            return;
        }
        Optional<CourseDocument> head = courses.head(courseId);
        List<SearchableCourse> course = head.map(h -> searchable(List.of(h))).orElse(List.of());
        if (course.isEmpty()) {
            forget(courseId);
        } else {
            index.upsert(course.get(0));
            indexedRevisions.put(courseId, head.get().revision());
            reindexed.incrementAndGet();
        }
    }

    /**
     * A course changed but the change event does not say which (the embedded store's update events): compares
     * the published heads' revisions (one small projected read) with what is indexed and refreshes only the
     * courses that differ — so the relay's {@code $pull} of {@code _outbox} costs one projected read, no indexing.
     */
    public synchronized void catchUp() {
        Map<String, Long> current = courses.publishedRevisions();
        for (String gone : List.copyOf(indexedRevisions.keySet())) {
            if (!current.containsKey(gone)) {
                forget(gone);
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

    private void forget(String courseId) {
        index.remove(courseId);
        indexedRevisions.remove(courseId);
    }

    private List<SearchableCourse> searchable(Collection<CourseDocument> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<String, CourseVersionDocument> versions = courses.publishedVersions(heads);
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
                    .map(skillsById::get).filter(Objects::nonNull).map(SkillDocument::name).toList();
            result.add(searchable(head, version.content(), names));
        }
        return result;
    }

    private List<String> skillNames(List<String> skillIds) {
        Map<String, SkillDocument> byId = skills.byIds(skillIds);
        return skillIds.stream().map(byId::get).filter(Objects::nonNull).map(SkillDocument::name).toList();
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
