package com.cycube.support.contracts.catalog;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/**
 * A course was archived: no new enrollments, no new labs. Terminal — the catalog never republishes an archived
 * course, so consumers treat the archive as final whatever {@link CoursePublished} arrives after it.
 */
@EventType("catalog.CourseArchived")
public record CourseArchived(String courseId) implements EventPayload {

    public CourseArchived {
        Objects.requireNonNull(courseId, "courseId");
    }
}
