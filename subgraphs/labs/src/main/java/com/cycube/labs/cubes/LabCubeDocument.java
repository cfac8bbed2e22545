package com.cycube.labs.cubes;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What labs knows about a catalog cube, from {@code CoursePublished} (collection {@code lab_cubes},
 * id = the cube id): the course's newest published version that contains it. Only a {@link #lab} cube can be
 * launched, and only by the course's audience ({@code organizationId} null = a GLOBAL course, everyone).
 * Written by {@link CoursePublishedHandler} with update operators only (it holds {@code _appliedEvents}).
 *
 * @param lab           true while the cube is a LAB cube of the course's newest published version; false when a
 *                      newer version made it another kind or dropped it
 * @param labTemplateId the template its labs run (LAB cubes)
 * @param archived      true once the catalog archived the course ({@code CourseArchived}): not launchable, like a
 *                      missing cube. Final — no publication arriving later clears it. Labs already running are
 *                      not affected.
 */
@Document("lab_cubes")
public record LabCubeDocument(@Id String id, String organizationId, String courseId, int courseVersion, String visibility,
                              String kind, String labTemplateId, boolean lab, Instant occurredAt, Boolean archived) implements TenantOwned {

    public static final String COLLECTION = "lab_cubes";

    /** Platform content: a cube of a GLOBAL course (no organization owns it). */
    public boolean platformContent() {
        return organizationId == null || "GLOBAL".equals(visibility);
    }
}
