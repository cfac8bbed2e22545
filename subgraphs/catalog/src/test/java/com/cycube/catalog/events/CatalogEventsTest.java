package com.cycube.catalog.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.catalog.CatalogIntegrationTest;
import com.cycube.catalog.Ops;
import com.cycube.catalog.demo.DemoData;
import com.cycube.catalog.paths.LearningPathDocument;
import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.catalog.LearningPathPublished;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import com.cycube.testclient.Persona;
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
 * a learning path's publish one {@code catalog.LearningPathPublished} (whose version counts the path's
 * publications) — each stored by the write that makes the change; refused changes emit nothing. Payloads are read
 * as consumers read them, through their contract records.
 */
class CatalogEventsTest extends CatalogIntegrationTest {

    static final Class<CoursePublished> PUBLISHED = CoursePublished.class;
    static final Class<CourseArchived> ARCHIVED = CourseArchived.class;
    static final Class<LearningPathPublished> PATH_PUBLISHED = LearningPathPublished.class;

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
            CoursePublished published = event.payloadAs(PUBLISHED);
            assertThat(published).extracting(CoursePublished::courseId, CoursePublished::version, CoursePublished::title,
                            CoursePublished::visibility, CoursePublished::organizationId)
                    .containsExactly(courseId, 1, "Acme Forensics", "ORGANIZATION", Persona.ACME);
            List<CoursePublished.Cube> cubes = published.cubes();
            assertThat(cubes).extracting(CoursePublished.Cube::kind).containsExactly("READING", "LAB", "QUIZ");
            assertThat(cubes).extracting(CoursePublished.Cube::position).containsExactly(1, 2, 3);
            assertThat(cubes).extracting(c -> (Object) c.moduleId())
                    .containsExactly(modules.get(0).get("id"), modules.get(0).get("id"), modules.get(1).get("id"));
            assertThat(cubes.get(1)).extracting(CoursePublished.Cube::labTemplateId, CoursePublished.Cube::estimatedMinutes)
                    .containsExactly("tmpl-kali-ssh", 30);
            assertThat(cubes.get(0).labTemplateId()).isNull();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> apiCubes = (List<Map<String, Object>>) modules.get(0).get("cubes");
            assertThat(cubes.get(0).cubeId()).isEqualTo(apiCubes.get(0).get("id"));
        });
    }

    @Test
    void a_publication_names_the_skills_the_course_teaches_in_the_courses_order() {
        String courseId = acmeDraftWithALab();
        as(Persona.ACME_MANAGER, Ops.UPDATE_COURSE, Map.of("input", Map.of("courseId", courseId,
                "skillIds", List.of(DemoData.MITRE_COMMAND_INTERPRETER, DemoData.NICE_INCIDENT_RESPONDER)))).assertNoErrors();

        List<DomainEvent> events = eventsOf(PUBLISHED, () -> as(Persona.ACME_MANAGER, Ops.PUBLISH_COURSE,
                Map.of("input", Map.of("courseId", courseId))).assertNoErrors());

        assertThat(events).singleElement().satisfies(event -> assertThat(event.payloadAs(PUBLISHED).skills()).containsExactly(
                new CoursePublished.Skill(DemoData.MITRE_COMMAND_INTERPRETER, "MITRE_ATTACK", "T1059", "Command and Scripting Interpreter"),
                new CoursePublished.Skill(DemoData.NICE_INCIDENT_RESPONDER, "NICE", "PR-CIR-001", "Incident Responder")));
    }

    @Test
    void a_new_version_announces_its_own_skills_and_a_course_without_skills_announces_none() {
        String courseId = acmeDraftWithALab();
        assertThat(eventsOf(PUBLISHED, () -> as(Persona.ACME_MANAGER, Ops.PUBLISH_COURSE,
                Map.of("input", Map.of("courseId", courseId))).assertNoErrors()))
                .singleElement().satisfies(event -> assertThat(event.payloadAs(PUBLISHED).skills()).isEmpty());

        as(Persona.ACME_MANAGER, Ops.UPDATE_COURSE, Map.of("input", Map.of("courseId", courseId,
                "skillIds", List.of(DemoData.MITRE_PHISHING)))).assertNoErrors();
        assertThat(eventsOf(PUBLISHED, () -> as(Persona.ACME_MANAGER, Ops.PUBLISH_COURSE,
                Map.of("input", Map.of("courseId", courseId))).assertNoErrors()))
                .singleElement().satisfies(event -> {
                    assertThat(event.payloadAs(PUBLISHED).version()).isEqualTo(2);
                    assertThat(event.payloadAs(PUBLISHED).skills()).extracting(CoursePublished.Skill::code).containsExactly("T1566");
                });
    }

    @Test
    void tagging_a_draft_with_an_unknown_skill_is_refused_and_its_publication_carries_no_such_tag() {
        String courseId = acmeDraftWithALab();
        assertThat(as(Persona.ACME_MANAGER, Ops.UPDATE_COURSE, Map.of("input", Map.of("courseId", courseId,
                "skillIds", List.of(DemoData.MITRE_PHISHING, "skill-nobody")))).errorCodes()).containsExactly("BAD_USER_INPUT");

        assertThat(eventsOf(PUBLISHED, () -> as(Persona.ACME_MANAGER, Ops.PUBLISH_COURSE,
                Map.of("input", Map.of("courseId", courseId))).assertNoErrors()))
                .singleElement().satisfies(event -> assertThat(event.payloadAs(PUBLISHED).skills()).isEmpty());
    }

    @Test
    void publishing_a_new_version_of_a_global_course_emits_its_version_and_no_organization() {
        as(Persona.ROOT, Ops.UPDATE_COURSE, Map.of("input", Map.of("courseId", DemoData.LINUX, "title", "Linux for Defenders"))).assertNoErrors();
        List<DomainEvent> events = eventsOf(PUBLISHED, () -> as(Persona.ROOT, Ops.PUBLISH_COURSE,
                Map.of("input", Map.of("courseId", DemoData.LINUX))).assertNoErrors());
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isNull();
            CoursePublished published = event.payloadAs(PUBLISHED);
            assertThat(published).extracting(CoursePublished::version, CoursePublished::visibility,
                    CoursePublished::organizationId, CoursePublished::title).containsExactly(2, "GLOBAL", null, "Linux for Defenders");
            assertThat(published.global()).isTrue();
            assertThat(published.cubes()).extracting(CoursePublished.Cube::cubeId).containsExactly("cube-linux-navigation", "cube-linux-shell-quiz", "cube-linux-grep", "cube-linux-triage-lab");
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
            assertThat(event.payloadAs(ARCHIVED).courseId()).isEqualTo(DemoData.ACME_IR);
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
            assertThat(event.payloadAs(PATH_PUBLISHED)).extracting(LearningPathPublished::pathId, LearningPathPublished::title,
                            LearningPathPublished::visibility, LearningPathPublished::organizationId, LearningPathPublished::courseIds)
                    .containsExactly(id, "Draft edit", "ORGANIZATION", Persona.ACME, List.of(DemoData.ACME_IR, DemoData.PHISHING));
        });

        List<DomainEvent> changed = eventsOf(PATH_PUBLISHED, () -> as(Persona.ACME_MANAGER, Ops.UPDATE_LEARNING_PATH,
                Map.of("input", Map.of("learningPathId", id, "courseIds", List.of(DemoData.PHISHING)))).assertNoErrors());
        assertThat(changed).singleElement().satisfies(event -> assertThat(event.payloadAs(PATH_PUBLISHED))
                .extracting(LearningPathPublished::courseIds, LearningPathPublished::title)
                .containsExactly(List.of(DemoData.PHISHING), "Draft edit"));

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

        assertThat(courses).extracting(event -> event.payloadAs(PUBLISHED).courseId())
                .containsExactlyInAnyOrder(DemoData.PHISHING, DemoData.LINUX, DemoData.WEBAPP, DemoData.ACME_IR);
        assertThat(courses).filteredOn(event -> DemoData.ACME_IR.equals(event.payloadAs(PUBLISHED).courseId()))
                .singleElement().satisfies(event -> assertThat(event.orgId()).isEqualTo(Persona.ACME));
        assertThat(courses).flatExtracting(event -> event.payloadAs(PUBLISHED).cubes())
                .filteredOn(cube -> "LAB".equals(cube.kind()))
                .extracting(cube -> cube.cubeId() + "=" + cube.labTemplateId())
                .containsExactlyInAnyOrder("cube-phishing-mailbox-lab=tmpl-windows-rdp", "cube-linux-triage-lab=tmpl-kali-ssh",
                        "cube-webapp-sqli-lab=tmpl-kali-ssh", "cube-acme-ir-isolation-lab=tmpl-windows-rdp");
        assertThat(courses).filteredOn(event -> DemoData.PHISHING.equals(event.payloadAs(PUBLISHED).courseId()))
                .singleElement().satisfies(event -> assertThat(event.payloadAs(PUBLISHED).skills()).containsExactly(
                        new CoursePublished.Skill(DemoData.MITRE_PHISHING, "MITRE_ATTACK", "T1566", "Phishing"),
                        new CoursePublished.Skill(DemoData.NICE_CYBER_DEFENSE_ANALYST, "NICE", "PR-CDA-001", "Cyber Defense Analyst")));
        assertThat(courses).allSatisfy(event -> assertThat(event.payloadAs(PUBLISHED).skills()).isNotEmpty());
        assertThat(paths).singleElement().satisfies(event -> assertThat(event.payloadAs(PATH_PUBLISHED))
                .extracting(LearningPathPublished::pathId, LearningPathPublished::courseIds, LearningPathPublished::version)
                .containsExactly(DemoData.SOC_PATH, List.of(DemoData.PHISHING, DemoData.LINUX), 1L));

        assertThat(eventsOf(PUBLISHED, () -> new DemoData(mongo).run(null))).isEmpty();
    }

    @Test
    void each_publication_of_a_learning_path_carries_a_higher_version_stored_by_the_same_write() {
        String id = as(Persona.ACME_MANAGER, Ops.CREATE_LEARNING_PATH, Map.of("input", Map.of("title", "Acme Track",
                "courseIds", List.of(DemoData.ACME_IR)))).assertNoErrors().get("data.createLearningPath.learningPath.id");
        Map<String, Object> publish = Map.of("input", Map.of("learningPathId", id));

        assertThat(pathVersions(() -> as(Persona.ACME_MANAGER, Ops.PUBLISH_LEARNING_PATH, publish).assertNoErrors()))
                .containsExactly(1L);
        assertThat(pathVersions(() -> as(Persona.ACME_MANAGER, Ops.UPDATE_LEARNING_PATH, Map.of("input",
                Map.of("learningPathId", id, "courseIds", List.of(DemoData.ACME_IR, DemoData.LINUX)))).assertNoErrors()))
                .containsExactly(2L);
        assertThat(pathVersions(() -> as(Persona.ACME_MANAGER, Ops.PUBLISH_LEARNING_PATH, publish).assertNoErrors()))
                .containsExactly(3L);
        assertThat(mongo.findById(id, LearningPathDocument.class).publishedVersion()).isEqualTo(3);

        assertThat(pathVersions(() -> assertThat(as(Persona.ACME_MANAGER, Ops.PUBLISH_LEARNING_PATH,
                Map.of("input", Map.of("learningPathId", id, "expectedRevision", 0)))
                .errorCodes()).containsExactly("CONFLICT"))).isEmpty();
        assertThat(mongo.findById(id, LearningPathDocument.class).publishedVersion()).isEqualTo(3);
    }

    @Test
    void a_path_stored_before_paths_counted_their_publications_continues_from_version_1() {
        mongo.getCollection("learning_paths").updateOne(new Document("_id", DemoData.SOC_PATH),
                new Document("$unset", new Document("publishedVersion", "")));
        assertThat(mongo.findById(DemoData.SOC_PATH, LearningPathDocument.class).publishedVersion()).isZero();

        assertThat(pathVersions(() -> as(Persona.ROOT, Ops.UPDATE_LEARNING_PATH, Map.of("input",
                Map.of("learningPathId", DemoData.SOC_PATH, "title", "SOC Analyst Basics"))).assertNoErrors()))
                .containsExactly(1L);
        assertThat(pathVersions(() -> as(Persona.ROOT, Ops.PUBLISH_LEARNING_PATH, Map.of("input",
                Map.of("learningPathId", DemoData.SOC_PATH))).assertNoErrors())).containsExactly(2L);
    }

    private List<Long> pathVersions(Runnable action) {
        return eventsOf(PATH_PUBLISHED, action).stream().map(event -> event.payloadAs(PATH_PUBLISHED).version()).toList();
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
