package com.cycube.catalog.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.catalog.CatalogIntegrationTest;
import com.cycube.catalog.Ops;
import com.cycube.catalog.demo.DemoData;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import com.cycube.testing.Persona;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What the catalog tells the other subgraphs (docs/events.md): a publish emits exactly one
 * {@code catalog.CoursePublished} with the whole course structure, an archive one {@code catalog.CourseArchived},
 * a learning path's publish one {@code catalog.LearningPathPublished} — each stored by the write that makes the
 * change; refused changes emit nothing.
 */
class CatalogEventsTest extends CatalogIntegrationTest {

    static final String PUBLISHED = CatalogEvents.COURSE_PUBLISHED;
    static final String ARCHIVED = CatalogEvents.COURSE_ARCHIVED;
    static final String PATH_PUBLISHED = CatalogEvents.LEARNING_PATH_PUBLISHED;

    /** An Acme course with two modules: READING + LAB, then QUIZ; returns its id. */
    private String acmeDraftWithALab() {
        String courseId = as(Persona.ACME_MANAGER, Ops.CREATE_COURSE, Map.of("input", Map.of("title", "Acme Forensics",
                "level", "BEGINNER", "visibility", "ORGANIZATION"))).assertNoErrors().get("data.createCourse.course.id");
        String first = as(Persona.ACME_MANAGER, Ops.ADD_MODULE, Map.of("input", Map.of("courseId", courseId, "title", "Collect")))
                .assertNoErrors().get("data.addModule.module.id");
        String second = as(Persona.ACME_MANAGER, Ops.ADD_MODULE, Map.of("input", Map.of("courseId", courseId, "title", "Check")))
                .assertNoErrors().get("data.addModule.module.id");
        addCube(courseId, first, Map.of("kind", "READING", "title", "Order of volatility", "content", "Memory first.", "estimatedMinutes", 5));
        addCube(courseId, first, Map.of("kind", "LAB", "title", "Image a disk", "labTemplateId", "tmpl-kali-ssh", "estimatedMinutes", 30));
        addCube(courseId, second, Map.of("kind", "QUIZ", "title", "Forensics quiz", "estimatedMinutes", 10));
        return courseId;
    }

    private void addCube(String courseId, String moduleId, Map<String, Object> cube) {
        Map<String, Object> input = new java.util.HashMap<>(cube);
        input.put("courseId", courseId);
        input.put("moduleId", moduleId);
        as(Persona.ACME_MANAGER, Ops.ADD_CUBE, Map.of("input", input)).assertNoErrors();
    }

    @Test
    void publishing_a_course_emits_one_course_published_with_every_cube_in_course_order() {
        String courseId = acmeDraftWithALab();
        List<Map<String, Object>> modules = as(Persona.ACME_MANAGER, Ops.COURSE, Map.of("id", courseId)).assertNoErrors()
                .get("data.course.modules");

        List<DomainEvent> events = eventsOf(PUBLISHED, () -> as(Persona.ACME_MANAGER, Ops.PUBLISH_COURSE,
                Map.of("input", Map.of("courseId", courseId))).assertNoErrors());

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(Persona.ACME);
            assertThat(event.source()).isEqualTo("catalog");
            assertThat(event.payload()).containsEntry("courseId", courseId).containsEntry("version", 1)
                    .containsEntry("title", "Acme Forensics").containsEntry("visibility", "ORGANIZATION")
                    .containsEntry("organizationId", Persona.ACME);
            List<Document> cubes = event.payload().getList("cubes", Document.class);
            assertThat(cubes).extracting(c -> c.getString("kind")).containsExactly("READING", "LAB", "QUIZ");
            assertThat(cubes).extracting(c -> c.getInteger("position")).containsExactly(1, 2, 3);
            assertThat(cubes).extracting(c -> (Object) c.getString("moduleId"))
                    .containsExactly(modules.get(0).get("id"), modules.get(0).get("id"), modules.get(1).get("id"));
            assertThat(cubes.get(1)).containsEntry("labTemplateId", "tmpl-kali-ssh").containsEntry("estimatedMinutes", 30);
            assertThat(cubes.get(0).get("labTemplateId")).isNull();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> apiCubes = (List<Map<String, Object>>) modules.get(0).get("cubes");
            assertThat(cubes.get(0).getString("cubeId")).isEqualTo(apiCubes.get(0).get("id"));
        });
    }

    @Test
    void publishing_a_new_version_of_a_global_course_emits_its_version_and_no_organization() {
        as(Persona.ROOT, Ops.UPDATE_COURSE, Map.of("input", Map.of("courseId", DemoData.LINUX, "title", "Linux for Defenders"))).assertNoErrors();
        List<DomainEvent> events = eventsOf(PUBLISHED, () -> as(Persona.ROOT, Ops.PUBLISH_COURSE,
                Map.of("input", Map.of("courseId", DemoData.LINUX))).assertNoErrors());
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isNull();
            assertThat(event.payload()).containsEntry("version", 2).containsEntry("visibility", "GLOBAL")
                    .containsEntry("organizationId", null).containsEntry("title", "Linux for Defenders");
            assertThat(event.payload().getList("cubes", Document.class)).extracting(c -> c.getString("cubeId"))
                    .containsExactly("cube-linux-navigation", "cube-linux-shell-quiz", "cube-linux-grep", "cube-linux-triage-lab");
        });
    }

    @Test
    void refused_or_invalid_publishes_emit_nothing() {
        String courseId = acmeDraftWithALab();
        List<DomainEvent> events = eventsOf(PUBLISHED, () -> {
            assertThat(as(Persona.ACME_TRAINEE, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", courseId))).errorCodes())
                    .containsExactly("FORBIDDEN");
            assertThat(as(Persona.GLOBEX_MANAGER, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", courseId))).errorCodes())
                    .containsExactly("NOT_FOUND");
            assertThat(as(Persona.ACME_MANAGER, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", courseId, "expectedRevision", 0)))
                    .errorCodes()).containsExactly("CONFLICT");
            assertThat(as(Persona.ROOT, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", DemoData.PHISHING))).errorCodes())
                    .containsExactly("BAD_USER_INPUT"); // nothing to publish: no draft
        });
        assertThat(events).isEmpty();
    }

    @Test
    void archiving_emits_one_course_archived_and_archiving_a_never_published_course_emits_nothing() {
        List<DomainEvent> events = eventsOf(ARCHIVED, () -> {
            as(Persona.ACME_MANAGER, Ops.ARCHIVE_COURSE, Map.of("input", Map.of("courseId", DemoData.ACME_IR))).assertNoErrors();
            assertThat(as(Persona.ROOT, Ops.ARCHIVE_COURSE, Map.of("input", Map.of("courseId", DemoData.RANSOMWARE_DRAFT)))
                    .errorCodes()).containsExactly("BAD_USER_INPUT");
            assertThat(as(Persona.GLOBEX_MANAGER, Ops.ARCHIVE_COURSE, Map.of("input", Map.of("courseId", DemoData.ACME_IR)))
                    .errorCodes()).containsExactly("NOT_FOUND");
        });
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(Persona.ACME);
            assertThat(event.payload()).containsEntry("courseId", DemoData.ACME_IR);
        });
    }

    @Test
    void publishing_a_learning_path_emits_its_courses_in_order_and_changing_it_while_published_emits_again() {
        String id = as(Persona.ACME_MANAGER, Ops.CREATE_LEARNING_PATH, Map.of("input", Map.of("title", "Acme Track",
                "courseIds", List.of(DemoData.ACME_IR, DemoData.PHISHING)))).assertNoErrors().get("data.createLearningPath.learningPath.id");
        assertThat(eventsOf(PATH_PUBLISHED, () -> as(Persona.ACME_MANAGER, Ops.UPDATE_LEARNING_PATH,
                Map.of("input", Map.of("learningPathId", id, "title", "Draft edit"))).assertNoErrors())).isEmpty();

        List<DomainEvent> published = eventsOf(PATH_PUBLISHED, () -> as(Persona.ACME_MANAGER, Ops.PUBLISH_LEARNING_PATH,
                Map.of("input", Map.of("learningPathId", id))).assertNoErrors());
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(Persona.ACME);
            assertThat(event.payload()).containsEntry("pathId", id).containsEntry("title", "Draft edit")
                    .containsEntry("visibility", "ORGANIZATION").containsEntry("organizationId", Persona.ACME)
                    .containsEntry("courseIds", List.of(DemoData.ACME_IR, DemoData.PHISHING));
        });

        List<DomainEvent> changed = eventsOf(PATH_PUBLISHED, () -> as(Persona.ACME_MANAGER, Ops.UPDATE_LEARNING_PATH,
                Map.of("input", Map.of("learningPathId", id, "courseIds", List.of(DemoData.PHISHING)))).assertNoErrors());
        assertThat(changed).singleElement().satisfies(event -> assertThat(event.payload())
                .containsEntry("courseIds", List.of(DemoData.PHISHING)).containsEntry("title", "Draft edit"));

        assertThat(eventsOf(PATH_PUBLISHED, () -> {
            assertThat(as(Persona.ACME_TRAINEE, Ops.PUBLISH_LEARNING_PATH, Map.of("input", Map.of("learningPathId", id))).errorCodes())
                    .containsExactly("FORBIDDEN");
            assertThat(as(Persona.ACME_MANAGER, Ops.UPDATE_LEARNING_PATH, Map.of("input", Map.of("learningPathId", id,
                    "courseIds", List.of(DemoData.RANSOMWARE_DRAFT)))).errorCodes()).containsExactly("BAD_USER_INPUT");
        })).isEmpty();
    }

    @Test
    void the_demo_catalog_on_an_empty_store_announces_its_published_courses_and_path_once() {
        for (String collection : new String[] {"courses", "course_versions", "learning_paths", "skills"}) {
            mongo.dropCollection(collection);
        }
        List<DomainEvent> paths = new ArrayList<>();
        List<DomainEvent> courses = eventsOf(PUBLISHED, () -> paths.addAll(eventsOf(PATH_PUBLISHED, () -> new DemoData(mongo).run(null))));

        assertThat(courses).extracting(event -> event.string("courseId"))
                .containsExactlyInAnyOrder(DemoData.PHISHING, DemoData.LINUX, DemoData.WEBAPP, DemoData.ACME_IR);
        assertThat(courses).filteredOn(event -> DemoData.ACME_IR.equals(event.string("courseId")))
                .singleElement().satisfies(event -> assertThat(event.orgId()).isEqualTo(Persona.ACME));
        assertThat(courses).flatExtracting(event -> event.payload().getList("cubes", Document.class))
                .filteredOn(cube -> "LAB".equals(cube.getString("kind")))
                .extracting(cube -> cube.getString("cubeId") + "=" + cube.getString("labTemplateId"))
                .containsExactlyInAnyOrder("cube-phishing-mailbox-lab=tmpl-windows-rdp", "cube-linux-triage-lab=tmpl-kali-ssh",
                        "cube-webapp-sqli-lab=tmpl-kali-ssh", "cube-acme-ir-isolation-lab=tmpl-windows-rdp");
        assertThat(paths).singleElement().satisfies(event -> assertThat(event.payload())
                .containsEntry("pathId", DemoData.SOC_PATH).containsEntry("courseIds", List.of(DemoData.PHISHING, DemoData.LINUX)));

        assertThat(eventsOf(PUBLISHED, () -> new DemoData(mongo).run(null))).isEmpty();
    }

    @Test
    void the_relay_empties_the_outbox_and_the_search_index_reindexes_nothing_for_it() {
        String courseId = acmeDraftWithALab();
        eventsOf(PUBLISHED, () -> as(Persona.ACME_MANAGER, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", courseId))).assertNoErrors());
        Document head = mongo.findOne(Query.query(Criteria.where("_id").is(courseId)), Document.class, "courses");
        assertThat(head.getList(Outbox.FIELD, Object.class, List.of())).isEmpty();

        long reindexed = search.reindexed();
        long rebuilds = search.rebuilds();
        search.refresh(courseId);   // what the change stream does for the relay's $pull on real MongoDB
        search.catchUp();           // ... and on the embedded store (no document id in update events)
        assertThat(search.reindexed()).isEqualTo(reindexed);
        assertThat(search.rebuilds()).isEqualTo(rebuilds);
        assertThat(as(Persona.ACME_TRAINEE, Ops.SEARCH, Map.of("q", "forensics")).assertNoErrors()
                .<List<String>>get("data.searchCatalog.edges[*].node.course.id")).containsExactly(courseId);
    }
}
