package com.cycube.support.federation;

import com.netflix.graphql.dgs.federation.DefaultDgsFederationResolver;
import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;
import java.util.Map;

/**
 * Tells federation which GraphQL type an entity object is: an {@link EntityReference} by its own typename, an owned
 * entity by the class → type mapping its subgraph passes in (document classes are named differently from their
 * types). Each subgraph declares one: {@code @DgsComponent class LabsFederationResolver extends
 * SubgraphFederationResolver { LabsFederationResolver() { super(Map.of(LabInstanceDocument.class, "LabInstance")); } }}.
 */
public abstract class SubgraphFederationResolver extends DefaultDgsFederationResolver {

    private final Map<Class<?>, String> ownedTypes;

    protected SubgraphFederationResolver(Map<Class<?>, String> ownedTypes) {
        this.ownedTypes = Map.copyOf(ownedTypes);
    }

    @Override
    public Map<Class<?>, String> typeMapping() {
        return ownedTypes;
    }

    @Override
    public TypeResolver typeResolver() {
        TypeResolver owned = super.typeResolver();
        return env -> {
            if (env.getObject() instanceof EntityReference reference) {
                GraphQLObjectType type = env.getSchema().getObjectType(reference.typename());
                if (type != null) {
                    return type;
                }
            }
            return owned.getType(env);
        };
    }
}
