package com.cycube.labs.federation;

import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.support.federation.SubgraphFederationResolver;
import com.netflix.graphql.dgs.DgsComponent;
import java.util.Map;

/** The entities labs owns, by class (their names differ from the GraphQL types); references resolve by typename. */
@DgsComponent
public class LabsFederationResolver extends SubgraphFederationResolver {

    public LabsFederationResolver() {
        super(Map.of(LabInstanceDocument.class, "LabInstance", LabTemplateDocument.class, "LabTemplate"));
    }
}
