package com.cycube.catalog.search;

import java.util.List;

/** One ranked match: the course id, its relevance score and what matched. */
public record SearchHit(String courseId, float score, List<Highlight> highlights) {

    /** A matching text of the course with matched words wrapped in {@code <em></em>}. */
    public record Highlight(String field, String snippet) {
    }
}
