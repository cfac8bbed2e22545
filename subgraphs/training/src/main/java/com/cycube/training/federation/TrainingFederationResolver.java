package com.cycube.training.federation;

import com.cycube.support.federation.SubgraphFederationResolver;
import com.cycube.training.assignments.AssignmentDocument;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.netflix.graphql.dgs.DgsComponent;
import java.util.Map;

/** The entities training owns, by document class; references to other subgraphs' entities resolve by typename. */
@DgsComponent
public class TrainingFederationResolver extends SubgraphFederationResolver {

    public TrainingFederationResolver() {
        super(Map.of(EnrollmentDocument.class, "Enrollment", AssignmentDocument.class, "Assignment"));
    }
}
