package com.cycube.catalog.search;

import java.util.List;

/**
 * What the search index knows of a published course: the texts it matches on and who may find it
 * ({@code organizationId} null = global).
 */
public record SearchableCourse(String id, String organizationId, String title, String summary,
                               List<String> moduleTitles, List<String> cubeTitles, List<String> skillNames) {

    public SearchableCourse {
        moduleTitles = moduleTitles == null ? List.of() : List.copyOf(moduleTitles);
        cubeTitles = cubeTitles == null ? List.of() : List.copyOf(cubeTitles);
        skillNames = skillNames == null ? List.of() : List.copyOf(skillNames);
    }
}
