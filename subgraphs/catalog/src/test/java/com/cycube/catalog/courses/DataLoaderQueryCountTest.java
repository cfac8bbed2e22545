package com.cycube.catalog.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.catalog.CatalogIntegrationTest;
import com.cycube.catalog.MongoCommandCounter;
import com.cycube.testclient.Persona;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A page of courses with their modules, cubes and skills costs the same few reads whatever its size. */
class DataLoaderQueryCountTest extends CatalogIntegrationTest {

    private static final String PAGE = """
            query($first: Int) { courses(first: $first) { edges { node {
              id title skills { code } modules { id title cubes { id kind title } }
            } } } }""";

    private static final String CUBE_ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Cube { id title course { id } } } }""";

    @BeforeEach
    void manyPublishedCourses() {
        Instant created = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 1; i <= 30; i++) {
            String id = "course-bulk-%02d".formatted(i);
            List<ModuleContent> modules = new ArrayList<>();
            for (int m = 1; m <= 3; m++) {
                List<CubeContent> cubes = new ArrayList<>();
                for (int c = 1; c <= 3; c++) {
                    cubes.add(new CubeContent("%s-m%d-c%d".formatted(id, m, c), CubeKind.QUIZ, "Quiz " + c, null, null, 5));
                }
                modules.add(new ModuleContent("%s-m%d".formatted(id, m), "Module " + m, cubes));
            }
            CourseContent content = new CourseContent("Bulk course " + i, null, CourseLevel.BEGINNER,
                    List.of("skill-mitre-t1566"), modules);
            mongo.insert(new CourseVersionDocument(CourseVersionDocument.idOf(id, 1), id, 1, null, content, "root", created));
            mongo.insert(new CourseDocument(id, null, "root", CourseStatus.PUBLISHED, 1, null, 1, 0, null,
                    CourseSummary.of(content), CourseSummary.of(content), content.moduleIds().toList(),
                    content.cubeIds().toList(), created.plusSeconds(i), created.plusSeconds(i), created));
        }
        commands.reset();
    }

    @Test
    void a_page_of_20_courses_with_modules_cubes_and_skills_costs_one_read_per_collection() {
        var response = as(Persona.ACME_TRAINEE, PAGE, Map.of("first", 20)).assertNoErrors();
        assertThat(response.<List<String>>get("data.courses.edges[*].node.id")).hasSize(20);
        // 4 demo courses (15 cubes) and 16 bulk courses of 3 modules x 3 cubes
        assertThat(response.<List<String>>get("data.courses.edges[*].node.modules[*].cubes[*].id")).hasSize(15 + 16 * 9);
        assertThat(findsPerCollection()).isEqualTo(Map.of("courses", 1L, "course_versions", 1L, "skills", 1L));

        commands.reset();
        as(Persona.ACME_TRAINEE, PAGE, Map.of("first", 5)).assertNoErrors();
        assertThat(findsPerCollection()).isEqualTo(Map.of("courses", 1L, "course_versions", 1L, "skills", 1L));
    }

    @Test
    void twenty_cube_references_are_resolved_with_one_read_of_heads_and_one_of_versions() {
        List<Map<String, Object>> representations = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            representations.add(Map.of("__typename", "Cube", "id", "course-bulk-%02d-m2-c3".formatted(i)));
        }
        var response = as(Persona.GLOBEX_TRAINEE, CUBE_ENTITIES, Map.of("r", representations)).assertNoErrors();
        assertThat(response.<List<String>>get("data._entities[*].course.id")).hasSize(20).doesNotContainNull();
        assertThat(findsPerCollection()).isEqualTo(Map.of("courses", 1L, "course_versions", 1L));
    }

    private Map<String, Long> findsPerCollection() {
        return commands.finds().stream().collect(Collectors.groupingBy(MongoCommandCounter.Command::collection, Collectors.counting()));
    }
}
