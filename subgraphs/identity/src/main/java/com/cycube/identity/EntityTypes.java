package com.cycube.identity;

import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.users.UserDocument;
import com.netflix.graphql.dgs.federation.DefaultDgsFederationResolver;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells federation which schema type each document is (DGS otherwise expects class name == type name). */
@Component
public class EntityTypes extends DefaultDgsFederationResolver {

    @Override
    public Map<Class<?>, String> typeMapping() {
        return Map.of(
                UserDocument.class, "User",
                OrganizationDocument.class, "Organization",
                TeamDocument.class, "Team");
    }
}
