package com.cycube.catalog.courses;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One published version of a course (collection {@code course_versions}), written once when the version is
 * published and never changed afterwards. Id {@code <courseId>:v<version>}.
 */
@Document("course_versions")
public record CourseVersionDocument(
        @Id String id,
        String courseId,
        int version,
        String organizationId,
        CourseContent content,
        String publishedBy,
        Instant publishedAt) implements TenantOwned {

    public static String idOf(String courseId, int version) {
        return courseId + ":v" + version;
    }
}
