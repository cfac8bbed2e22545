package com.cycube.training.enrollments;

import com.cycube.training.catalog.CubeKind;
import java.time.Instant;

/**
 * A trainee's facts about one cube of an enrollment.
 *
 * @param completedBy what completed it (READING: completeReading, QUIZ: a passed quiz, LAB: lab objectives met)
 * @param score       the passed quiz's score (0–100), the first one recorded
 */
public record CubeState(String cubeId, int attempts, Instant lastActivityAt, Instant completedAt, CubeKind completedBy,
                        Integer score) {

    public static CubeState fresh(String cubeId) {
        return new CubeState(cubeId, 0, null, null, null, null);
    }

    public boolean completed() {
        return completedAt != null;
    }
}
