package com.cycube.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ranking and typo tolerance of the Lucene index, without Spring or a database. */
class CatalogSearchIndexTest {

    private static final Set<String> ACME_AUDIENCE = Set.of(CatalogSearchIndex.GLOBAL, "org-acme");
    private static final Set<String> GLOBEX_AUDIENCE = Set.of(CatalogSearchIndex.GLOBAL, "org-globex");

    private CatalogSearchIndex index;

    @BeforeEach
    void indexTheDemoCatalog() {
        index = new CatalogSearchIndex();
        index.replaceAll(List.of(
                new SearchableCourse("course-phishing", null, "Phishing Defense Fundamentals",
                        "Recognize phishing emails and respond to a phishing campaign.",
                        List.of("Recognizing Phishing", "Responding to a Phishing Campaign"),
                        List.of("Anatomy of a Phishing Email", "Spot the Phish", "Reading Email Headers"),
                        List.of("Phishing", "Cyber Defense Analyst")),
                new SearchableCourse("course-linux", null, "Linux Command Line for Defenders",
                        "Navigate a Linux host and read its logs.",
                        List.of("Shell Basics", "Hunting in Logs"),
                        List.of("Navigating the Filesystem", "Searching Logs with grep", "Triage a Compromised Host"),
                        List.of("Command and Scripting Interpreter", "Cyber Defense Analyst")),
                new SearchableCourse("course-webapp", null, "Web Application Attacks",
                        "Injection and broken authentication.",
                        List.of("Injection Attacks", "Attacking Authentication"),
                        List.of("SQL Injection Explained", "Brute Force and Credential Stuffing"),
                        List.of("Exploit Public-Facing Application", "Brute Force")),
                new SearchableCourse("course-awareness", null, "Security Awareness Basics",
                        "Passwords, devices and email hygiene for everyone.",
                        List.of("Everyday Security"),
                        List.of("Why attackers send phishing emails"),
                        List.of()),
                new SearchableCourse("course-acme-ir", "org-acme", "Acme Incident Response Playbook",
                        "Acme's own playbook, including phishing incidents.",
                        List.of("Triage at Acme"), List.of("Acme Escalation Matrix"), List.of("Incident Responder"))));
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void a_course_about_the_topic_outranks_one_that_only_mentions_it() {
        assertThat(ids(index.search("phishing", ACME_AUDIENCE, 10, 0)))
                .startsWith("course-phishing")
                .contains("course-awareness", "course-acme-ir");
    }

    @Test
    void a_misspelled_word_still_finds_the_course() {
        assertThat(ids(index.search("phising", GLOBEX_AUDIENCE, 10, 0))).first().isEqualTo("course-phishing");
        assertThat(ids(index.search("linx comand", GLOBEX_AUDIENCE, 10, 0))).first().isEqualTo("course-linux");
        assertThat(ids(index.search("injecton", GLOBEX_AUDIENCE, 10, 0))).first().isEqualTo("course-webapp");
    }

    @Test
    void the_start_of_a_word_finds_the_whole_word() {
        assertThat(ids(index.search("phish", GLOBEX_AUDIENCE, 10, 0))).first().isEqualTo("course-phishing");
        assertThat(ids(index.search("sql", GLOBEX_AUDIENCE, 10, 0))).containsExactly("course-webapp");
    }

    @Test
    void skill_names_module_titles_and_cube_titles_are_searched() {
        assertThat(ids(index.search("scripting interpreter", GLOBEX_AUDIENCE, 10, 0))).first().isEqualTo("course-linux");
        assertThat(ids(index.search("hunting", GLOBEX_AUDIENCE, 10, 0))).containsExactly("course-linux");
        assertThat(ids(index.search("credential stuffing", GLOBEX_AUDIENCE, 10, 0))).first().isEqualTo("course-webapp");
    }

    @Test
    void an_organization_private_course_is_found_only_by_that_organization() {
        assertThat(ids(index.search("playbook", ACME_AUDIENCE, 10, 0))).containsExactly("course-acme-ir");
        assertThat(ids(index.search("playbook", GLOBEX_AUDIENCE, 10, 0))).isEmpty();
        assertThat(ids(index.search("phishing", GLOBEX_AUDIENCE, 10, 0))).doesNotContain("course-acme-ir");
        assertThat(ids(index.search("playbook", null, 10, 0))).containsExactly("course-acme-ir");
    }

    @Test
    void unrelated_words_find_nothing() {
        assertThat(index.search("kubernetes", ACME_AUDIENCE, 10, 0).hits()).isEmpty();
        assertThat(index.search("   ", ACME_AUDIENCE, 10, 0).hits()).isEmpty();
    }

    @Test
    void matched_words_are_highlighted_where_they_matched() {
        SearchHit hit = index.search("phising", GLOBEX_AUDIENCE, 10, 0).hits().get(0);
        assertThat(hit.highlights()).contains(
                new SearchHit.Highlight("title", "<em>Phishing</em> Defense Fundamentals"),
                new SearchHit.Highlight("skill", "<em>Phishing</em>"),
                new SearchHit.Highlight("cube", "Anatomy of a <em>Phishing</em> Email"));
    }

    @Test
    void snippets_are_html_escaped_text_whose_only_markup_is_em_around_matches() {
        var highlight = index.highlight("module", "Mod <img src=x onerror=alert(1)> & \"Zanzibar\" 'x' Zanzibar's",
                List.of("zanzibar"));
        assertThat(highlight).contains(new SearchHit.Highlight("module",
                "Mod &lt;img src=x onerror=alert(1)&gt; &amp; &quot;<em>Zanzibar</em>&quot; &#39;x&#39; <em>Zanzibar&#39;s</em>"));
    }

    @Test
    void a_published_course_with_markup_in_its_texts_is_found_with_escaped_snippets() {
        index.upsert(new SearchableCourse("course-xss", null, "<b>Zanzibar</b> & friends", "\"quoted\" 'zanzibar'",
                List.of("Mod <img src=x onerror=alert(1)> Zanzibar"), List.of(), List.of()));
        SearchHit hit = index.search("zanzibar", GLOBEX_AUDIENCE, 10, 0).hits().get(0);
        assertThat(hit.highlights()).containsExactly(
                new SearchHit.Highlight("title", "&lt;b&gt;<em>Zanzibar</em>&lt;/b&gt; &amp; friends"),
                new SearchHit.Highlight("summary", "&quot;quoted&quot; &#39;<em>zanzibar</em>&#39;"),
                new SearchHit.Highlight("module", "Mod &lt;img src=x onerror=alert(1)&gt; <em>Zanzibar</em>"));
        assertThat(hit.highlights()).allSatisfy(h -> assertThat(h.snippet().replace("<em>", "").replace("</em>", ""))
                .doesNotContain("<", ">", "\"", "'"));
    }

    @Test
    void english_stopwords_are_ignored_and_a_query_of_only_stopwords_finds_nothing() {
        assertThat(index.search("a", ACME_AUDIENCE, 10, 0).hits()).isEmpty();
        assertThat(index.search("a", ACME_AUDIENCE, 10, 0).totalCount()).isZero();
        assertThat(index.search("the and of to", ACME_AUDIENCE, 10, 0).hits()).isEmpty();
        SearchHit hit = index.search("a linux", GLOBEX_AUDIENCE, 10, 0).hits().get(0);
        assertThat(hit.courseId()).isEqualTo("course-linux");
        assertThat(hit.highlights()).extracting(SearchHit.Highlight::snippet).noneMatch(s -> s.contains("<em>a</em>"));
    }

    @Test
    void pages_follow_the_ranking_and_count_every_match() {
        SearchResults first = index.search("phishing", ACME_AUDIENCE, 1, 0);
        SearchResults second = index.search("phishing", ACME_AUDIENCE, 1, 1);
        assertThat(first.totalCount()).isEqualTo(3);
        assertThat(ids(first)).containsExactly("course-phishing");
        assertThat(ids(second)).hasSize(1).doesNotContain("course-phishing");
    }

    @Test
    void a_removed_or_replaced_course_is_no_longer_found_under_its_old_text() {
        index.remove("course-webapp");
        assertThat(ids(index.search("injection", GLOBEX_AUDIENCE, 10, 0))).isEmpty();

        index.upsert(new SearchableCourse("course-linux", null, "Linux Hardening", null, List.of(), List.of(), List.of()));
        assertThat(ids(index.search("hunting", GLOBEX_AUDIENCE, 10, 0))).isEmpty();
        assertThat(ids(index.search("hardening", GLOBEX_AUDIENCE, 10, 0))).containsExactly("course-linux");
    }

    @Test
    void typo_tolerance_grows_with_word_length() {
        assertThat(CatalogSearchIndex.allowedEdits("ab")).isZero();
        assertThat(CatalogSearchIndex.allowedEdits("sql")).isEqualTo(1);
        assertThat(CatalogSearchIndex.allowedEdits("phising")).isEqualTo(2);
        assertThat(CatalogSearchIndex.editDistance("phising", "phishing")).isEqualTo(1);
        assertThat(CatalogSearchIndex.editDistance("lniux", "linux")).isEqualTo(1);
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::courseId).toList();
    }
}
