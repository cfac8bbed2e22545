package com.cycube.support.contracts.catalog;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.List;
import java.util.Objects;

/**
 * A learning path was published (or republished with other courses): its courses in order. Consumers keep the
 * highest {@code version} (the path's publication count: 1 at the first publication, +1 per later one).
 */
@EventType("catalog.LearningPathPublished")
public record LearningPathPublished(String pathId, Long version, String title, String visibility,
                                    String organizationId, List<String> courseIds) implements EventPayload {

    public LearningPathPublished {
        Objects.requireNonNull(pathId, "pathId");
    }

    /** Whether this is platform content, visible to every organization. */
    public boolean global() {
        return "GLOBAL".equals(visibility);
    }

    /** The version to order by: a snapshot from before versions existed counts as 0, so any versioned one wins. */
    public long versionOrZero() {
        return version == null ? 0 : version;
    }
}
