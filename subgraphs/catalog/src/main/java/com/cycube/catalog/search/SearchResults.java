package com.cycube.catalog.search;

import java.util.List;

/** One page of hits, best first, and how many courses match in total. */
public record SearchResults(List<SearchHit> hits, long totalCount) {
}
