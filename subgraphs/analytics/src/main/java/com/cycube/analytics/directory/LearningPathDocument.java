package com.cycube.analytics.directory;

import java.util.List;
import org.springframework.data.annotation.Id;

/** A learning path as the catalog last published it: its courses in order. */
public record LearningPathDocument(@Id String id, String organizationId, String title, List<String> courseIds,
                                   long version) {

    public static final String COLLECTION = "learning_paths";
}
