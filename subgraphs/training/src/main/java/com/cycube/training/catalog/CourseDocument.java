package com.cycube.training.catalog;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What training knows about a course, only from the catalog's events (never from its database): the highest
 * published version's title and cubes in course order, and whether it was archived.
 *
 * @param organizationId the owning organization; null for a GLOBAL course
 * @param version        the catalog version of the structure held here (lower publications are ignored)
 * @param publishedAt    when that version was published; null while only its archive is known
 * @param archivedAt     when the course was archived (the first archive: archiving is final)
 */
@Document(CourseDocument.COLLECTION)
public record CourseDocument(@Id String id, String organizationId, String title, Integer version,
                             List<CourseCube> cubes, Instant publishedAt, Instant archivedAt) implements TenantOwned {

    public static final String COLLECTION = "courses";

    public List<CourseCube> cubes() {
        return cubes == null ? List.of() : cubes;
    }

    /** Open for new enrollments: published and never archived (no publication re-opens an archived course). */
    public boolean acceptsEnrollments() {
        return publishedAt != null && archivedAt == null;
    }

    public Optional<CourseCube> cube(String cubeId) {
        return cubes().stream().filter(cube -> cube.cubeId().equals(cubeId)).findFirst();
    }
}
