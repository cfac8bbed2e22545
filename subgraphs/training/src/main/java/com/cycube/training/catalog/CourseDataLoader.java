package com.cycube.training.catalog;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The course structures behind Enrollment.progress (training's copy), one read per batch, as the caller sees them. */
@DgsDataLoader(name = CourseDataLoader.NAME)
public class CourseDataLoader extends CallerBatchLoader<String, CourseDocument> {

    public static final String NAME = "courses";

    private final CatalogStore catalog;

    public CourseDataLoader(CatalogStore catalog) {
        this.catalog = catalog;
    }

    @Override
    protected Map<String, CourseDocument> loadFor(Caller caller, Set<String> ids) {
        return catalog.visibleCourses(caller, ids).stream().collect(Collectors.toMap(CourseDocument::id, Function.identity()));
    }
}
