package com.cycube.training.catalog;

import com.cycube.support.tenancy.TenantOwned;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published learning path, from {@code catalog.LearningPathPublished}; null organization = GLOBAL.
 *
 * @param version the path's publication count held here (lower publications are ignored; null = stored before
 *                paths were numbered, counts as 0)
 */
@Document(LearningPathDocument.COLLECTION)
public record LearningPathDocument(@Id String id, String organizationId, String title, List<String> courseIds,
                                   Long version) implements TenantOwned {

    public static final String COLLECTION = "learning_paths";

    public List<String> courseIds() {
        return courseIds == null ? List.of() : courseIds;
    }
}
