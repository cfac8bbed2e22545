package com.cycube.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.catalog.courses.CourseContent;
import com.cycube.catalog.courses.CourseDocument;
import com.cycube.catalog.courses.CourseLevel;
import com.cycube.catalog.courses.CourseStatus;
import com.cycube.catalog.courses.CourseSummary;
import com.cycube.catalog.courses.CourseVersionDocument;
import com.cycube.catalog.courses.CubeContent;
import com.cycube.catalog.courses.CubeKind;
import com.cycube.catalog.courses.ModuleContent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.testing.SubgraphTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

/**
 * The index follows MongoDB: at startup it holds the (demo) catalog, and since several catalog instances share
 * one database, a course published or archived by another instance reaches this instance's index through the
 * change stream of {@code courses}.
 */
@SubgraphTest
@TestPropertySource(properties = {"cycube.demo-data.enabled=true", "cycube.change-streams.enabled=true"})
class SearchIndexStartupAndSyncTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SearchIndexSync search;

    @Autowired
    com.cycube.support.events.EventProcessing events;

    @Test
    void at_startup_the_demo_catalog_is_seeded_once_and_indexed() throws Exception {
        assertThat(searchIds("phising")).first().isEqualTo("course-phishing");
        long courses = mongo.count(new Query(), "courses");
        long versions = mongo.count(new Query(), "course_versions");
        new com.cycube.catalog.demo.DemoData(mongo).run(null);
        assertThat(mongo.count(new Query(), "courses")).isEqualTo(courses).isEqualTo(5);
        assertThat(mongo.count(new Query(), "course_versions")).isEqualTo(versions).isEqualTo(4);
        assertThat(mongo.count(new Query(), "skills")).isEqualTo(6);
    }

    @Test
    void a_course_published_by_another_instance_becomes_searchable_here_and_disappears_when_archived_there() throws Exception {
        CourseContent content = new CourseContent("Cloud Incident Forensics", "Collect evidence from cloud workloads.",
                CourseLevel.ADVANCED, List.of(), List.of(new ModuleContent("module-cloud-1", "Evidence", List.of(
                new CubeContent("cube-cloud-1", CubeKind.QUIZ, "Snapshot a volume", null, null, 5)))));
        Instant now = Instant.parse("2026-03-01T00:00:00Z");

        CompletableFuture<String> indexed = refreshOf("course-cloud");
        // what another instance's publishCourse writes: the version, then the head pointing at it
        mongo.insert(new CourseVersionDocument("course-cloud:v1", "course-cloud", 1, null, content, "root", now));
        mongo.insert(new CourseDocument("course-cloud", null, "root", CourseStatus.PUBLISHED, 1, null, 1, 1, null,
                CourseSummary.of(content), CourseSummary.of(content), List.of("module-cloud-1"), List.of("cube-cloud-1"),
                now, now, now));
        indexed.get(5, TimeUnit.SECONDS);
        assertThat(searchIds("forensics")).containsExactly("course-cloud");

        CompletableFuture<String> removed = refreshOf("course-cloud");
        mongo.updateFirst(Query.query(Criteria.where("_id").is("course-cloud")), Update.update("status", "ARCHIVED"),
                CourseDocument.class);
        removed.get(5, TimeUnit.SECONDS);
        assertThat(searchIds("forensics")).isEmpty();
        mongo.remove(Query.query(Criteria.where("_id").is("course-cloud")), CourseDocument.class);
    }

    @Test
    void the_outbox_relay_pulling_the_demo_catalogs_events_reaches_the_change_stream_but_reindexes_nothing() throws Exception {
        CompletableFuture<String> noticed = new CompletableFuture<>();
        search.onChangeStreamRefresh(noticed::complete);
        long reindexed = search.reindexed();
        long rebuilds = search.rebuilds();

        events.drain(); // relays the demo courses' CoursePublished: a $pull of _outbox on each head

        noticed.get(5, TimeUnit.SECONDS);
        assertThat(search.reindexed()).isEqualTo(reindexed);
        assertThat(search.rebuilds()).isEqualTo(rebuilds);
        assertThat(searchIds("phising")).first().isEqualTo("course-phishing");
    }

    private CompletableFuture<String> refreshOf(String courseId) {
        CompletableFuture<String> refreshed = new CompletableFuture<>();
        search.onChangeStreamRefresh(id -> {
            if (id.equals(courseId) || id.equals(SearchIndexSync.EVERY_COURSE)) {
                refreshed.complete(id);
            }
        });
        return refreshed;
    }

    private List<String> searchIds(String query) {
        return GraphQlClient.forPort(port).as(Persona.GLOBEX_TRAINEE)
                .execute("query($q: String!) { searchCatalog(query: $q) { edges { node { course { id } } } } }", Map.of("q", query))
                .assertNoErrors().get("data.searchCatalog.edges[*].node.course.id");
    }
}
