package com.cycube.analytics.federation;

import com.cycube.support.federation.SubgraphFederationResolver;
import com.netflix.graphql.dgs.DgsComponent;
import java.util.Map;

/** Analytics owns no entity; references to other subgraphs' entities resolve by typename. */
@DgsComponent
public class AnalyticsFederationResolver extends SubgraphFederationResolver {

    public AnalyticsFederationResolver() {
        super(Map.of());
    }
}
