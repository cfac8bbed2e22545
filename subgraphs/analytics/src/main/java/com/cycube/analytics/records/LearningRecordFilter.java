package com.cycube.analytics.records;

import java.time.Instant;

/** The schema's LearningRecordFilter. */
public record LearningRecordFilter(String userId, Verb verb, String courseId, Instant from, Instant to,
                                   String organizationId) {

    static final LearningRecordFilter NONE = new LearningRecordFilter(null, null, null, null, null, null);
}
