package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm the local stack imports: the production file with the dev overlay merged over it (no Keycloak here;
 * KeycloakRealmIT checks the merged realm with real tokens).
 */
class DevRealmTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void overlay_scalars_replace_users_are_appended_and_notes_are_dropped() {
        JsonNode merged = DevRealm.merge(
                json("{'realm': 'cycube', 'browserFlow': 'cycube browser', 'users': [{'username': 'service-account-a'}]}"),
                json("{'_comment': 'dev only', 'browserFlow': 'browser', 'users': [{'username': 'root@cycube.local'}]}"));

        assertThat(merged.path("realm").asString()).isEqualTo("cycube");
        assertThat(merged.path("browserFlow").asString()).isEqualTo("browser");
        assertThat(names(merged.path("users"), "username")).containsExactly("service-account-a", "root@cycube.local");
        assertThat(merged.has("_comment")).isFalse();
    }

    @Test
    void a_known_client_is_deep_merged_by_client_id_and_an_unknown_one_is_appended() {
        JsonNode merged = DevRealm.merge(json("""
                {'clients': [
                  {'clientId': 'web', 'publicClient': true, 'redirectUris': ['${CYCUBE_WEB_URL}/*'],
                   'attributes': {'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': '${CYCUBE_WEB_URL}/*'}},
                  {'clientId': 'admin', 'secret': '${ADMIN_SECRET}'}]}"""), json("""
                {'clients': [
                  {'clientId': 'web', 'redirectUris': ['http://localhost:5173/*'],
                   'attributes': {'post.logout.redirect.uris': 'http://localhost:5173/*'}},
                  {'clientId': 'admin', 'secret': 'dev-secret'},
                  {'clientId': 'dev', 'directAccessGrantsEnabled': true}]}"""));

        JsonNode web = merged.path("clients").get(0);
        assertThat(names(merged.path("clients"), "clientId")).containsExactly("web", "admin", "dev");
        assertThat(web.path("publicClient").asBoolean()).as("production field kept").isTrue();
        assertThat(names(web.path("redirectUris"), null)).as("arrays replaced").containsExactly("http://localhost:5173/*");
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asString()).as("objects merged").isEqualTo("S256");
        assertThat(web.path("attributes").path("post.logout.redirect.uris").asString()).isEqualTo("http://localhost:5173/*");
        assertThat(merged.path("clients").get(1).path("secret").asString()).isEqualTo("dev-secret");
        assertThat(merged.path("clients").get(2).path("directAccessGrantsEnabled").asBoolean()).isTrue();
    }

    @Test
    void the_production_realm_is_not_changed_by_a_merge() {
        JsonNode production = json("{'clients': [{'clientId': 'web', 'attributes': {'a': '1'}}], 'users': []}");
        String before = production.toString();

        DevRealm.merge(production, json("{'clients': [{'clientId': 'web', 'attributes': {'a': '2'}}], 'users': [{}]}"));

        assertThat(production.toString()).isEqualTo(before);
    }

    @Test
    void an_overlay_client_without_a_client_id_or_a_realm_that_is_not_an_object_is_refused() {
        assertThatThrownBy(() -> DevRealm.merge(json("{'clients': []}"), json("{'clients': [{'name': 'x'}]}")))
                .isInstanceOf(StackStartException.class).hasMessageContaining("clientId");
        assertThatThrownBy(() -> DevRealm.merge(json("[]"), json("{}")))
                .isInstanceOf(StackStartException.class).hasMessageContaining("JSON objects");
    }

    @Test
    void the_local_stack_realm_has_the_seed_users_dev_clients_known_secrets_and_local_redirects(@TempDir Path dir)
            throws IOException {
        Path target = dir.resolve("cycube-realm.json");
        DevRealm.write(TestRepository.REAL.resolve(DevRealm.PRODUCTION_FILE), TestRepository.REAL.resolve(DevRealm.OVERLAY_FILE),
                target);
        String text = Files.readString(target);
        JsonNode realm = JSON.readTree(text);

        assertThat(realm.path("realm").asString()).isEqualTo("cycube");
        assertThat(names(realm.path("users"), "id")).contains("00000000-0000-4000-8000-000000000001",
                "00000000-0000-4000-8000-000000000011", "00000000-0000-4000-8000-000000000012",
                "00000000-0000-4000-8000-000000000021", "00000000-0000-4000-8000-000000000022");
        assertThat(names(realm.path("users"), "username")).contains("service-account-cycube-identity-admin",
                "service-account-acme-hr-integration", "root@cycube.local");
        assertThat(client(realm, "cycube-dev").path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(client(realm, "acme-hr-integration").path("secret").asString()).isEqualTo("acme-hr-dev-secret");
        assertThat(client(realm, "cycube-identity-admin").path("secret").asString()).isEqualTo("identity-admin-dev-secret");
        assertThat(client(realm, "cycube-identity-admin").path("serviceAccountsEnabled").asBoolean()).isTrue();
        JsonNode web = client(realm, "cycube-web");
        // the conventional console and IDE origins, and the stack's own console (${CYCUBE_WEB_URL}: a random port in tests)
        assertThat(names(web.path("redirectUris"), null))
                .containsExactly("http://localhost:5173/*", "http://localhost:4000/*", "${CYCUBE_WEB_URL}/*");
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(realm.path("browserFlow").asString()).isEqualTo("browser");
        assertThat(text).doesNotContain("${CYCUBE_IDENTITY_ADMIN_CLIENT_SECRET}")
                .doesNotContain("_comment");
        assertThat(realm.path("authenticationFlows").size()).as("the production flows stay, only unbound")
                .isEqualTo(JSON.readTree(Files.readString(TestRepository.REAL.resolve(DevRealm.PRODUCTION_FILE)))
                        .path("authenticationFlows").size());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asString())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    /** The field {@code field} of every element, or every element itself when {@code field} is null. */
    private static List<String> names(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(field == null ? element.asString() : element.path(field).asString()));
        return values;
    }
}
