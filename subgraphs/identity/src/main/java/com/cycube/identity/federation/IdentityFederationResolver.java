package com.cycube.identity.federation;

import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.users.UserDocument;
import com.cycube.support.federation.SubgraphFederationResolver;
import com.netflix.graphql.dgs.DgsComponent;
import java.util.Map;

/** Tells federation which schema type each document identity owns is (their class names differ). */
@DgsComponent
public class IdentityFederationResolver extends SubgraphFederationResolver {

    public IdentityFederationResolver() {
        super(Map.of(
                UserDocument.class, "User",
                OrganizationDocument.class, "Organization",
                TeamDocument.class, "Team"));
    }
}
