package com.cycube.training.assignments;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Assignments by id ({@code _entities}), one read per batch, limited to what the caller may see. */
@DgsDataLoader(name = AssignmentDataLoader.NAME)
public class AssignmentDataLoader extends CallerBatchLoader<String, AssignmentDocument> {

    public static final String NAME = "assignments";

    private final AssignmentService assignments;

    public AssignmentDataLoader(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    protected Map<String, AssignmentDocument> loadFor(Caller caller, Set<String> ids) {
        return assignments.visible(caller, ids).stream().collect(Collectors.toMap(AssignmentDocument::id, Function.identity()));
    }
}
