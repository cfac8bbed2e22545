package com.cycube.support.contracts.training;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/** A user recorded {@code seconds} (1–3600) of study on an enrollment; one event per accepted recordStudyTime call. */
@EventType("training.StudyTimeRecorded")
public record StudyTimeRecorded(String enrollmentId, String userId, String courseId, int seconds) implements EventPayload {
    public StudyTimeRecorded {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
    }
}
