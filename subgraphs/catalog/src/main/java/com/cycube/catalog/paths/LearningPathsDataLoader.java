package com.cycube.catalog.paths;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;

/** Learning paths by id (entity references), tenant-scoped and as the caller may see them. */
@DgsDataLoader(name = LearningPathsDataLoader.NAME)
public class LearningPathsDataLoader extends CallerBatchLoader<String, LearningPathDocument> {

    public static final String NAME = "learningPaths";

    private final LearningPathService paths;

    public LearningPathsDataLoader(LearningPathService paths) {
        this.paths = paths;
    }

    @Override
    protected Map<String, LearningPathDocument> loadFor(Caller caller, Set<String> ids) {
        return paths.byIds(caller, ids);
    }
}
