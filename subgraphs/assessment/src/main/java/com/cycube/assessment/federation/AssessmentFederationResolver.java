package com.cycube.assessment.federation;

import com.cycube.assessment.certificates.CertificateDocument;
import com.cycube.assessment.questions.QuestionView;
import com.cycube.support.federation.SubgraphFederationResolver;
import com.netflix.graphql.dgs.DgsComponent;
import java.util.Map;

/** The entities assessment owns, by the class that stands for them; other subgraphs' entities are references. */
@DgsComponent
public class AssessmentFederationResolver extends SubgraphFederationResolver {

    public AssessmentFederationResolver() {
        super(Map.of(QuestionView.class, "Question", CertificateDocument.class, "Certificate"));
    }
}
