package com.cycube.support.federation;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.TypeResolutionEnvironment;
import graphql.execution.TypeResolutionParameters;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubgraphFederationResolverTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { ok: Boolean }
            type LabInstance { id: ID! }
            type User { id: ID! }
            type Cube { id: ID! }
            """), RuntimeWiring.MOCKED_WIRING);

    record LabInstanceDocument(String id) {
    }

    static final class LabsFederationResolver extends SubgraphFederationResolver {
        LabsFederationResolver() {
            super(Map.of(LabInstanceDocument.class, "LabInstance"));
        }
    }

    private static String typeOf(Object entity) {
        TypeResolutionEnvironment env = TypeResolutionParameters.newParameters().value(entity).schema(SCHEMA).build();
        GraphQLObjectType type = new LabsFederationResolver().typeResolver().getType(env);
        return type == null ? null : type.getName();
    }

    @Test
    void an_owned_entity_resolves_to_the_type_its_document_class_is_mapped_to() {
        assertThat(typeOf(new LabInstanceDocument("lab-1"))).isEqualTo("LabInstance");
    }

    @Test
    void a_reference_to_another_subgraphs_entity_resolves_by_its_typename() {
        assertThat(typeOf(EntityReference.of("User", Map.of("__typename", "User", "id", "user-1")))).isEqualTo("User");
        assertThat(typeOf(new EntityReference("Cube", "cube-1"))).isEqualTo("Cube");
    }

    @Test
    void a_reference_keeps_only_the_key_of_the_representation() {
        assertThat(EntityReference.of("User", Map.of("__typename", "User", "id", 42))).isEqualTo(new EntityReference("User", "42"));
        assertThat(EntityReference.of("User", Map.of("__typename", "User")).id()).isNull();
    }
}
