package com.cycube.training.progress;

import com.cycube.support.context.RequestContext;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import org.reactivestreams.Publisher;

/** The progressUpdated subscription (access is checked once, before anything is pushed). */
@DgsComponent
public class ProgressDataFetcher {

    public record ProgressUpdatedInput(String enrollmentId, String teamId, Boolean organizationWide) {
    }

    private final ProgressUpdates updates;

    public ProgressDataFetcher(ProgressUpdates updates) {
        this.updates = updates;
    }

    @DgsSubscription
    public Publisher<EnrollmentDocument> progressUpdated(@InputArgument ProgressUpdatedInput input, DataFetchingEnvironment env) {
        ProgressUpdatedInput in = input != null ? input : new ProgressUpdatedInput(null, null, null);
        return updates.follow(RequestContext.from(env).caller(), in.enrollmentId(), in.teamId(),
                Boolean.TRUE.equals(in.organizationWide()));
    }
}
