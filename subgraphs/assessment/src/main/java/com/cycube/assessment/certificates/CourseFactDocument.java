package com.cycube.assessment.certificates;

import com.cycube.support.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What assessment knows about a catalog course, learnt from {@code catalog.CoursePublished} by
 * {@link CourseFactsHandler} (a read model: the catalog owns courses): who owns it, which decides who issues its
 * certificates. {@code organizationId} is the event's tenant — null for platform content (GLOBAL), otherwise the
 * organization that made the course — so an organization's publication can never make a course platform content.
 * Changed with update operators only (it remembers applied events).
 *
 * @param visibility {@link #GLOBAL} or {@link #ORGANIZATION}, derived from {@code organizationId}
 * @param version    the catalog's course version; the highest wins
 */
@Document(CourseFactDocument.COLLECTION)
public record CourseFactDocument(@Id String id, String organizationId, String visibility, String title,
                                 Integer version) implements TenantOwned {

    public static final String COLLECTION = "courses";
    public static final String GLOBAL = "GLOBAL";
    public static final String ORGANIZATION = "ORGANIZATION";

    /** The visibility of a course owned by {@code organizationId} (null: platform content). */
    public static String visibilityOf(String organizationId) {
        return organizationId == null ? GLOBAL : ORGANIZATION;
    }
}
