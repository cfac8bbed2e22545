package com.cycube.training.assignments;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;

/** Assignment queries, assignTraining and the Assignment fields that reference other subgraphs. */
@DgsComponent
public class AssignmentsDataFetcher {

    public record AssignTrainingInput(String courseId, String learningPathId, List<String> userIds, List<String> teamIds,
                                      Instant dueAt) {
    }

    private final AssignmentService assignments;

    public AssignmentsDataFetcher(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @DgsQuery
    public AssignmentDocument assignment(@InputArgument String id, DataFetchingEnvironment env) {
        return assignments.get(caller(env), id).orElse(null);
    }

    @DgsQuery
    public Connection<AssignmentDocument> assignments(@InputArgument Integer first, @InputArgument String after,
                                                      DataFetchingEnvironment env) {
        return assignments.list(caller(env), PageRequest.of(first, after));
    }

    @DgsMutation
    public AssignTrainingPayload assignTraining(@InputArgument AssignTrainingInput input, DataFetchingEnvironment env) {
        return assignments.assign(caller(env), input.courseId(), input.learningPathId(), input.userIds(), input.teamIds(),
                input.dueAt());
    }

    @DgsData(parentType = "Assignment", field = "course")
    public EntityReference course(DataFetchingEnvironment env) {
        return reference("Course", ((AssignmentDocument) env.getSource()).courseId());
    }

    @DgsData(parentType = "Assignment", field = "learningPath")
    public EntityReference learningPath(DataFetchingEnvironment env) {
        return reference("LearningPath", ((AssignmentDocument) env.getSource()).learningPathId());
    }

    @DgsData(parentType = "Assignment", field = "users")
    public List<EntityReference> users(DataFetchingEnvironment env) {
        return ((AssignmentDocument) env.getSource()).userIds().stream().map(id -> reference("User", id)).toList();
    }

    @DgsData(parentType = "Assignment", field = "teams")
    public List<EntityReference> teams(DataFetchingEnvironment env) {
        return ((AssignmentDocument) env.getSource()).teamIds().stream().map(id -> reference("Team", id)).toList();
    }

    @DgsData(parentType = "Assignment", field = "assignedBy")
    public EntityReference assignedBy(DataFetchingEnvironment env) {
        return reference("User", ((AssignmentDocument) env.getSource()).assignedBy());
    }

    private static EntityReference reference(String typename, String id) {
        return id == null ? null : new EntityReference(typename, id);
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
