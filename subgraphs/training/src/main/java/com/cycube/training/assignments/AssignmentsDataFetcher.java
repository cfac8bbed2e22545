package com.cycube.training.assignments;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.input.Inputs;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.training.federation.CourseReference;
import com.cycube.training.federation.LearningPathReference;
import com.cycube.training.federation.TeamReference;
import com.cycube.training.federation.UserReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Assignment queries, assignTraining and the Assignment fields that reference other subgraphs. */
@DgsComponent
public class AssignmentsDataFetcher {

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
    public Map<String, Object> assignTraining(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        Object dueAt = input == null ? null : input.get("dueAt");
        AssignmentService.Assigned assigned = assignments.assign(caller(env), in.string("courseId"),
                in.string("learningPathId"), in.strings("userIds"), in.strings("teamIds"),
                dueAt instanceof Instant instant ? instant : null);
        return Map.of("assignment", assigned.assignment(), "newEnrollments", assigned.newEnrollments());
    }

    @DgsData(parentType = "Assignment", field = "course")
    public CourseReference course(DataFetchingEnvironment env) {
        return CourseReference.of(((AssignmentDocument) env.getSource()).courseId());
    }

    @DgsData(parentType = "Assignment", field = "learningPath")
    public LearningPathReference learningPath(DataFetchingEnvironment env) {
        return LearningPathReference.of(((AssignmentDocument) env.getSource()).learningPathId());
    }

    @DgsData(parentType = "Assignment", field = "users")
    public List<UserReference> users(DataFetchingEnvironment env) {
        return ((AssignmentDocument) env.getSource()).userIds().stream().map(UserReference::new).toList();
    }

    @DgsData(parentType = "Assignment", field = "teams")
    public List<TeamReference> teams(DataFetchingEnvironment env) {
        return ((AssignmentDocument) env.getSource()).teamIds().stream().map(TeamReference::new).toList();
    }

    @DgsData(parentType = "Assignment", field = "assignedBy")
    public UserReference assignedBy(DataFetchingEnvironment env) {
        return UserReference.of(((AssignmentDocument) env.getSource()).assignedBy());
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
