package com.cycube.analytics.records;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One learning fact as an xAPI-shaped statement: who (actor, a user id), did what (verb), to what (object), with what
 * result, in which context, when. {@code id} is a UUID derived from the event, so a redelivered event makes no second
 * record. {@code forwardedAt} is set once a Learning Record Store accepted it (when forwarding is on).
 */
public record LearningRecord(@Id String id, String organizationId, String userId, Verb verb, ActivityType objectType,
                             String objectId, String objectName, Result result, Context context, Instant timestamp,
                             Instant storedAt, Instant forwardedAt) {

    public static final String COLLECTION = "learning_records";

    /** The outcome, where the fact has one. Scores are 0–100 ({@code scaled} 0–1). */
    public record Result(Boolean success, Boolean completion, Double scoreRaw, Double scoreMin, Double scoreMax,
                         Integer attempt, Integer hintsTaken, Long durationSeconds) {

        public Double scoreScaled() {
            return scoreRaw == null || scoreMax == null || scoreMax == 0 ? null
                    : Math.max(0, Math.min(1, (scoreRaw - (scoreMin == null ? 0 : scoreMin)) / scoreMax));
        }
    }

    /** What the fact belongs to. */
    public record Context(String courseId, String cubeId, String enrollmentId, String assignmentId, String labId) {
    }
}
