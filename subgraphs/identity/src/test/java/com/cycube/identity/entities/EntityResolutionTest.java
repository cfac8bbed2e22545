package com.cycube.identity.entities;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.identity.IdentityIntegrationTest;
import com.cycube.identity.demo.DemoDataset;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UserStatus;
import com.cycube.support.auth.Role;
import com.cycube.testclient.GraphQlClient.Response;
import com.cycube.testclient.Persona;
import com.cycube.testing.PublishedSchema;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the router resolves identity's entities: batched, and never across tenants. */
class EntityResolutionTest extends IdentityIntegrationTest {

    private static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) {
              ... on User { id displayName }
              ... on Organization { id name }
              ... on Team { id name }
            } }""";

    @Test
    void twenty_course_authors_are_resolved_with_one_mongodb_find_on_users() {
        List<Map<String, Object>> representations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "author-" + i;
            mongo.insert(new UserDocument(id, DemoDataset.ACME, id + "@acme.test", "Author " + i, null, Role.TRAINEE,
                    UserStatus.ACTIVE, List.of(), Instant.parse("2026-02-01T00:00:00Z"), null, 1L));
            representations.add(Map.of("__typename", "User", "id", id));
        }
        finds.reset();

        Response response = as(Persona.ACME_TRAINEE, ENTITIES, Map.of("r", representations)).assertNoErrors();

        List<String> names = response.get("data._entities[*].displayName");
        assertThat(names).hasSize(20).startsWith("Author 0", "Author 1").endsWith("Author 19");
        assertThat(finds.findsOn("users")).isEqualTo(1);
    }

    @Test
    void globex_manager_gets_not_found_for_acme_users_teams_and_organization() {
        Response response = as(Persona.GLOBEX_MANAGER, ENTITIES, Map.of("r", List.of(
                Map.of("__typename", "User", "id", DemoDataset.ACME_TRAINEE_ID),
                Map.of("__typename", "Team", "id", DemoDataset.ACME_SOC1),
                Map.of("__typename", "Organization", "id", DemoDataset.ACME))));

        List<Object> entities = response.get("data._entities");
        assertThat(entities).containsExactly(null, null, null);
        assertThat(response.errorCodes()).containsExactly("NOT_FOUND", "NOT_FOUND", "NOT_FOUND");
    }

    @Test
    void another_tenants_id_in_a_batch_is_null_while_own_ids_resolve() {
        Response response = as(Persona.ACME_MANAGER, ENTITIES, Map.of("r", List.of(
                Map.of("__typename", "User", "id", DemoDataset.ACME_TRAINEE_ID),
                Map.of("__typename", "User", "id", DemoDataset.GLOBEX_TRAINEE_ID))));

        assertThat((String) response.get("data._entities[0].displayName")).isEqualTo("Adam Trainee");
        assertThat((Object) response.get("data._entities[1]")).isNull();
        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(response.body()).doesNotContain("Greg");
    }

    @Test
    void platform_staff_resolve_for_every_tenant_as_authors_of_global_content() {
        Response response = as(Persona.GLOBEX_TRAINEE, ENTITIES, Map.of("r", List.of(
                Map.of("__typename", "User", "id", DemoDataset.ROOT_ID)))).assertNoErrors();

        assertThat((String) response.get("data._entities[0].displayName")).isEqualTo("Platform Root");
    }

    @Test
    void own_team_and_organization_resolve_for_a_member() {
        Response response = as(Persona.ACME_TRAINEE, ENTITIES, Map.of("r", List.of(
                Map.of("__typename", "Team", "id", DemoDataset.ACME_SECOPS),
                Map.of("__typename", "Organization", "id", DemoDataset.ACME)))).assertNoErrors();

        assertThat((String) response.get("data._entities[0].name")).isEqualTo("Security Operations");
        assertThat((String) response.get("data._entities[1].name")).isEqualTo("Acme Corporation");
    }

    @Test
    void entities_need_a_token() {
        Response response = anonymous(ENTITIES, Map.of("r", List.of(Map.of("__typename", "User", "id", DemoDataset.ACME_TRAINEE_ID))));

        assertThat(response.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(response.body()).doesNotContain("Adam");
    }

    @Test
    void integration_without_org_read_cannot_resolve_users() {
        Persona catalogOnly = Persona.integration("acme-lms", Persona.ACME, List.of("catalog:read"));

        Response response = as(catalogOnly, ENTITIES, Map.of("r", List.of(Map.of("__typename", "User", "id", DemoDataset.ACME_TRAINEE_ID))));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void the_router_can_read_the_federation_schema() {
        Response response = anonymous("{ _service { sdl } }", Map.of()).assertNoErrors();

        PublishedSchema schema = PublishedSchema.of(response.get("data._service.sdl"));
        assertThat(schema.entityKeys()).isEqualTo(Map.of("User", List.of("id"), "Organization", List.of("id"), "Team", List.of("id")));
        assertThat(Parser.parse(schema.sdl()).getDefinitionsOfType(ObjectTypeDefinition.class))
                .filteredOn(type -> type.getName().equals("PageInfo"))
                .singleElement().satisfies(pageInfo -> assertThat(pageInfo.hasDirective("shareable")).isTrue());
    }
}
