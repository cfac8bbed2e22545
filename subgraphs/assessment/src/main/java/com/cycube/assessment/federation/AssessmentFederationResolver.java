package com.cycube.assessment.federation;

import com.cycube.assessment.certificates.CertificateDocument;
import com.cycube.assessment.questions.QuestionView;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.federation.DefaultDgsFederationResolver;
import java.util.Map;

/** Tells federation which GraphQL entity type each Java class is (their names differ). */
@DgsComponent
public class AssessmentFederationResolver extends DefaultDgsFederationResolver {

    private static final Map<Class<?>, String> TYPES = Map.of(
            QuestionView.class, "Question",
            CertificateDocument.class, "Certificate",
            CubeReference.class, "Cube",
            UserReference.class, "User");

    @Override
    public Map<Class<?>, String> typeMapping() {
        return TYPES;
    }
}
