package com.cycube.catalog.search;

import com.cycube.catalog.courses.CourseAccess;
import com.cycube.catalog.courses.CourseDocument;
import com.cycube.catalog.courses.CourseStatus;
import com.cycube.catalog.courses.CourseStore;
import com.cycube.catalog.courses.CourseView;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * {@code searchCatalog}: ranks with the Lucene index, restricted there to the caller's audience (their
 * organization and GLOBAL; root: all), then re-reads the hits' courses tenant-scoped — a second, independent
 * guard — and drops any that are no longer published (an index lagging behind another instance's archive).
 */
@Service
public class CatalogSearchService {

    public static final int MAX_QUERY_LENGTH = 200;

    /** A course matching a search, in its published version (GraphQL {@code SearchHit}). */
    public record Hit(float score, CourseView course, List<SearchHit.Highlight> highlights) {
    }

    private final SearchIndexSync sync;
    private final CourseStore courses;

    public CatalogSearchService(SearchIndexSync sync, CourseStore courses) {
        this.sync = sync;
        this.courses = courses;
    }

    public Connection<Hit> search(Caller caller, String text, PageRequest page) {
        CourseAccess.requireReader(caller);
        if (text == null || text.length() > MAX_QUERY_LENGTH) {
            throw DomainException.badInput("query must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        SearchResults results = sync.index().search(text, audiences(caller), page.first() + 1, page.offset());
        Map<String, CourseDocument> heads = results.hits().isEmpty() ? Map.of()
                : courses.findHeads(caller, results.hits().stream().map(SearchHit::courseId).toList()).stream()
                        .collect(Collectors.toMap(CourseDocument::id, Function.identity()));
        List<Hit> hits = new ArrayList<>();
        for (SearchHit hit : results.hits()) {
            CourseDocument head = heads.get(hit.courseId());
            if (head != null && head.status() == CourseStatus.PUBLISHED) {
                hits.add(new Hit(hit.score(), CourseAccess.publishedView(head, CourseAccess.authors(caller, head.organizationId())),
                        hit.highlights()));
            }
        }
        return Connection.of(hits, page, results.totalCount());
    }

    /** Who the caller is allowed to find courses for: null means everyone (root). */
    static Set<String> audiences(Caller caller) {
        if (caller.isRoot()) {
            return null;
        }
        return caller.organizationId()
                .map(org -> Set.of(CatalogSearchIndex.GLOBAL, org))
                .orElse(Set.of(CatalogSearchIndex.GLOBAL));
    }
}
