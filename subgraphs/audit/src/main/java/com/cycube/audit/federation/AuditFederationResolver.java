package com.cycube.audit.federation;

import com.cycube.support.federation.SubgraphFederationResolver;
import com.netflix.graphql.dgs.DgsComponent;
import java.util.Map;

/** Audit owns no entity and extends none: its fields are on Query and Mutation. */
@DgsComponent
public class AuditFederationResolver extends SubgraphFederationResolver {

    public AuditFederationResolver() {
        super(Map.of());
    }
}
