package com.cycube.analytics.records;

import com.cycube.support.federation.EntityReference;
import java.time.Instant;

/** A learning record as the schema shows it (see the schema's LearningRecord). */
public record LearningRecordView(String id, String userId, EntityReference user, String organizationId, Verb verb,
                                 String verbIri, String objectId, String objectType, String objectName, Boolean success,
                                 Boolean completion, Double scoreRaw, Double scoreScaled, Integer attempt,
                                 Integer hintsTaken, String courseId, String cubeId, String assignmentId,
                                 Instant timestamp, String statement) {
}
