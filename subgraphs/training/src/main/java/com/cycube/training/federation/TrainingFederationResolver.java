package com.cycube.training.federation;

import com.cycube.training.assignments.AssignmentDocument;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.federation.DefaultDgsFederationResolver;
import java.util.Map;

/** Tells federation which GraphQL entity type each Java class is (their names differ). */
@DgsComponent
public class TrainingFederationResolver extends DefaultDgsFederationResolver {

    private static final Map<Class<?>, String> TYPES = Map.of(
            EnrollmentDocument.class, "Enrollment",
            AssignmentDocument.class, "Assignment",
            UserReference.class, "User",
            CourseReference.class, "Course",
            TeamReference.class, "Team",
            LearningPathReference.class, "LearningPath");

    @Override
    public Map<Class<?>, String> typeMapping() {
        return TYPES;
    }
}
