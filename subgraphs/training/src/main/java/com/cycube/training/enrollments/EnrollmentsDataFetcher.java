package com.cycube.training.enrollments;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.DomainException;
import com.cycube.support.input.Inputs;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.training.catalog.CatalogStore;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.federation.CourseReference;
import com.cycube.training.federation.UserReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Enrollment queries and mutations, the Enrollment fields, and the fields training adds to User and Course. */
@DgsComponent
public class EnrollmentsDataFetcher {

    private final EnrollmentService enrollments;
    private final CatalogStore catalog;
    private final Clock clock;

    public EnrollmentsDataFetcher(EnrollmentService enrollments, CatalogStore catalog, Clock clock) {
        this.enrollments = enrollments;
        this.catalog = catalog;
        this.clock = clock;
    }

    @DgsQuery
    public EnrollmentDocument enrollment(@InputArgument String id, DataFetchingEnvironment env) {
        return enrollments.get(caller(env), id).orElse(null);
    }

    @DgsQuery
    public Connection<EnrollmentDocument> myEnrollments(@InputArgument Integer first, @InputArgument String after,
                                                        @InputArgument ProgressStatus status, DataFetchingEnvironment env) {
        return enrollments.mine(caller(env), PageRequest.of(first, after), status);
    }

    @DgsMutation
    public Map<String, Object> enroll(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        EnrollmentService.Enrolled enrolled = enrollments.enroll(caller(env), in.string("courseId"), in.string("learningPathId"));
        return Map.of("enrollments", enrolled.enrollments(), "alreadyEnrolled", enrolled.alreadyEnrolled());
    }

    @DgsMutation
    public Map<String, Object> completeReading(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("enrollment", enrollments.completeReading(caller(env), in.string("enrollmentId"), in.string("cubeId")));
    }

    @DgsMutation
    public Map<String, Object> recordStudyTime(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("enrollment", enrollments.recordStudyTime(caller(env), in.string("enrollmentId"), in.integer("seconds")));
    }

    @DgsData(parentType = "Enrollment", field = "user")
    public UserReference user(DataFetchingEnvironment env) {
        return UserReference.of(((EnrollmentDocument) env.getSource()).userId());
    }

    @DgsData(parentType = "Enrollment", field = "course")
    public CourseReference course(DataFetchingEnvironment env) {
        return CourseReference.of(((EnrollmentDocument) env.getSource()).courseId());
    }

    @DgsData(parentType = "Enrollment", field = "source")
    public String source(DataFetchingEnvironment env) {
        return ((EnrollmentDocument) env.getSource()).assigned() ? "ASSIGNED" : "SELF";
    }

    /**
     * Computed now (OVERDUE depends on the clock) from the enrollment and its course's structure. Queries batch the
     * course reads through a DataLoader; a subscription push reads the one course directly (DataLoaders are not
     * dispatched for subscription events).
     */
    @DgsData(parentType = "Enrollment", field = "progress")
    public CompletableFuture<Progress> progress(DataFetchingEnvironment env) {
        EnrollmentDocument enrollment = env.getSource();
        if (env.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            CourseDocument course = catalog.course(enrollment.courseId()).orElse(null);
            return CompletableFuture.completedFuture(Progress.of(enrollment, course, clock.instant()));
        }
        return RequestContext.<String, CourseDocument>load(env, EnrollmentDataLoaders.COURSES, enrollment.courseId())
                .thenApply(course -> Progress.of(enrollment, course, clock.instant()));
    }

    @DgsData(parentType = "User", field = "enrollments")
    public CompletableFuture<Connection<EnrollmentDocument>> enrollmentsOfUser(@InputArgument Integer first,
                                                                            @InputArgument String after,
                                                                            DataFetchingEnvironment env) {
        PageRequest.of(first, after); // BAD_USER_INPUT for a bad page before anything is loaded
        UserReference user = env.getSource();
        return RequestContext.load(env, EnrollmentDataLoaders.ENROLLMENTS_OF_USER,
                new EnrollmentDataLoaders.UserPage(user.id(), first, after));
    }

    @DgsData(parentType = "Course", field = "myEnrollment")
    public CompletableFuture<EnrollmentDocument> myEnrollment(DataFetchingEnvironment env) {
        CourseReference course = env.getSource();
        return RequestContext.load(env, EnrollmentDataLoaders.MY_ENROLLMENT_BY_COURSE, course.id());
    }

    private static Caller caller(DataFetchingEnvironment env) {
        Caller caller = RequestContext.from(env).caller();
        if (caller == null) {
            throw DomainException.unauthenticated();
        }
        return caller;
    }
}
