package com.cycube.labs.federation;

import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.templates.LabTemplateDocument;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.federation.DefaultDgsFederationResolver;
import java.util.Map;

/** Tells federation which GraphQL entity type each Java class is (their names differ). */
@DgsComponent
public class LabsFederationResolver extends DefaultDgsFederationResolver {

    private static final Map<Class<?>, String> TYPES = Map.of(
            LabInstanceDocument.class, "LabInstance",
            LabTemplateDocument.class, "LabTemplate",
            CubeReference.class, "Cube",
            UserReference.class, "User");

    @Override
    public Map<Class<?>, String> typeMapping() {
        return TYPES;
    }
}
