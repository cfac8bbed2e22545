package com.cycube.training.enrollments;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.DomainException;
import com.cycube.support.federation.EntityReference;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.training.catalog.CourseDataLoader;
import com.cycube.training.catalog.CourseDocument;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** Enrollment queries and mutations, and the Enrollment fields. */
@DgsComponent
public class EnrollmentsDataFetcher {

    public record EnrollInput(String courseId, String learningPathId) {
    }

    public record CompleteReadingInput(String enrollmentId, String cubeId) {
    }

    public record RecordStudyTimeInput(String enrollmentId, Integer seconds) {
    }

    /** The payload of completeReading and recordStudyTime. */
    public record EnrollmentPayload(EnrollmentDocument enrollment) {
    }

    private final EnrollmentService enrollments;
    private final Clock clock;

    public EnrollmentsDataFetcher(EnrollmentService enrollments, Clock clock) {
        this.enrollments = enrollments;
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
    public EnrollPayload enroll(@InputArgument EnrollInput input, DataFetchingEnvironment env) {
        return enrollments.enroll(caller(env), input.courseId(), input.learningPathId());
    }

    @DgsMutation
    public EnrollmentPayload completeReading(@InputArgument CompleteReadingInput input, DataFetchingEnvironment env) {
        return new EnrollmentPayload(enrollments.completeReading(caller(env), input.enrollmentId(), input.cubeId()));
    }

    @DgsMutation
    public EnrollmentPayload recordStudyTime(@InputArgument RecordStudyTimeInput input, DataFetchingEnvironment env) {
        return new EnrollmentPayload(enrollments.recordStudyTime(caller(env), input.enrollmentId(), input.seconds()));
    }

    @DgsData(parentType = "Enrollment", field = "user")
    public EntityReference user(DataFetchingEnvironment env) {
        return new EntityReference("User", ((EnrollmentDocument) env.getSource()).userId());
    }

    @DgsData(parentType = "Enrollment", field = "course")
    public EntityReference course(DataFetchingEnvironment env) {
        return new EntityReference("Course", ((EnrollmentDocument) env.getSource()).courseId());
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
            return CompletableFuture.completedFuture(enrollments.progressNow(enrollment));
        }
        return RequestContext.<String, CourseDocument>load(env, CourseDataLoader.NAME, enrollment.courseId())
                .thenApply(course -> Progress.of(enrollment, course, clock.instant()));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        Caller caller = RequestContext.from(env).caller();
        if (caller == null) {
            throw DomainException.unauthenticated();
        }
        return caller;
    }
}
