package com.cycube.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.catalog.CatalogIntegrationTest;
import com.cycube.catalog.Ops;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** searchCatalog through GraphQL: relevance, typo tolerance, highlights and who finds what. */
class CatalogSearchTest extends CatalogIntegrationTest {

    @Test
    void a_misspelled_search_finds_the_phishing_course_first_with_what_matched() {
        var response = as(Persona.GLOBEX_TRAINEE, Ops.SEARCH, Map.of("q", "phising")).assertNoErrors();
        assertThat(response.<String>get("data.searchCatalog.edges[0].node.course.id")).isEqualTo("course-phishing");
        assertThat(response.<String>get("data.searchCatalog.edges[0].node.course.status")).isEqualTo("PUBLISHED");
        assertThat(response.<Double>get("data.searchCatalog.edges[0].node.score")).isPositive();
        assertThat(response.<List<Map<String, Object>>>get("data.searchCatalog.edges[0].node.highlights"))
                .contains(Map.of("field", "title", "snippet", "<em>Phishing</em> Defense Fundamentals"));
    }

    @Test
    void markup_an_author_puts_in_a_module_title_comes_back_html_escaped_in_snippets() {
        String moduleId = as(Persona.ROOT, Ops.COURSE, Map.of("id", "course-linux")).assertNoErrors().get("data.course.modules[0].id");
        as(Persona.ROOT, Ops.UPDATE_MODULE, Map.of("input", Map.of("courseId", "course-linux", "moduleId", moduleId,
                "title", "Mod <img src=x onerror=alert(1)> & \"Zanzibar\" 'it'"))).assertNoErrors();
        as(Persona.ROOT, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", "course-linux"))).assertNoErrors();

        var response = as(Persona.ACME_TRAINEE, Ops.SEARCH, Map.of("q", "zanzibar")).assertNoErrors();
        assertThat(response.<String>get("data.searchCatalog.edges[0].node.course.id")).isEqualTo("course-linux");
        assertThat(response.<List<Map<String, Object>>>get("data.searchCatalog.edges[0].node.highlights")).containsExactly(
                Map.of("field", "module", "snippet",
                        "Mod &lt;img src=x onerror=alert(1)&gt; &amp; &quot;<em>Zanzibar</em>&quot; &#39;it&#39;"));
    }

    @Test
    void a_search_for_only_stopwords_finds_nothing() {
        var response = as(Persona.ACME_TRAINEE, Ops.SEARCH, Map.of("q", "a")).assertNoErrors();
        assertThat(response.<List<Object>>get("data.searchCatalog.edges")).isEmpty();
        assertThat(response.<Integer>get("data.searchCatalog.totalCount")).isZero();
    }

    @Test
    void results_are_ranked_by_relevance() {
        var response = as(Persona.ACME_TRAINEE, Ops.SEARCH, Map.of("q", "brute force")).assertNoErrors();
        assertThat(response.<List<String>>get("data.searchCatalog.edges[*].node.course.id")).first().isEqualTo("course-webapp");
        List<Double> scores = response.get("data.searchCatalog.edges[*].node.score");
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void skill_names_and_cube_titles_are_searchable() {
        assertThat(searchIds(Persona.ACME_TRAINEE, "scripting interpreter")).first().isEqualTo("course-linux");
        assertThat(searchIds(Persona.ACME_TRAINEE, "email headers")).first().isEqualTo("course-phishing");
        assertThat(searchIds(Persona.ACME_HR_INTEGRATION, "escalation")).containsExactly("course-acme-ir");
    }

    @Test
    void root_finds_every_organizations_published_courses_but_no_drafts() {
        assertThat(searchIds(Persona.ROOT, "playbook")).containsExactly("course-acme-ir");
        assertThat(searchIds(Persona.ROOT, "ransomware")).isEmpty();
    }

    @Test
    void a_course_becomes_findable_when_published_and_unfindable_when_archived() {
        assertThat(searchIds(Persona.ACME_TRAINEE, "ransomware")).isEmpty();
        as(Persona.ROOT, Ops.PUBLISH_COURSE, Map.of("input", Map.of("courseId", "course-ransomware-draft"))).assertNoErrors();
        assertThat(searchIds(Persona.ACME_TRAINEE, "ransomwear")).containsExactly("course-ransomware-draft");
        as(Persona.ROOT, Ops.ARCHIVE_COURSE, Map.of("input", Map.of("courseId", "course-ransomware-draft"))).assertNoErrors();
        assertThat(searchIds(Persona.ACME_TRAINEE, "ransomware")).isEmpty();
    }

    @Test
    void the_index_is_rebuilt_from_the_database() {
        search.index().replaceAll(List.of());
        assertThat(searchIds(Persona.ACME_TRAINEE, "phishing")).isEmpty();
        search.rebuild();
        assertThat(searchIds(Persona.ACME_TRAINEE, "phishing")).first().isEqualTo("course-phishing");
    }

    @Test
    void hits_are_paged() {
        var first = as(Persona.ACME_TRAINEE, Ops.SEARCH, Map.of("q", "cyber defense analyst", "first", 1)).assertNoErrors();
        assertThat(first.<List<String>>get("data.searchCatalog.edges[*].node.course.id")).hasSize(1);
        assertThat(first.<Boolean>get("data.searchCatalog.pageInfo.hasNextPage")).isTrue();
        assertThat(first.<Integer>get("data.searchCatalog.totalCount")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void blank_searches_find_nothing_and_huge_ones_are_rejected() {
        assertThat(searchIds(Persona.ACME_TRAINEE, "  ")).isEmpty();
        assertThat(as(Persona.ACME_TRAINEE, Ops.SEARCH, Map.of("q", "x".repeat(500))).errorCodes()).containsExactly("BAD_USER_INPUT");
    }

    private List<String> searchIds(Persona persona, String query) {
        return as(persona, Ops.SEARCH, Map.of("q", query)).assertNoErrors().get("data.searchCatalog.edges[*].node.course.id");
    }
}
