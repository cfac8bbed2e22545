package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm file production imports ({@code keycloak/cycube-realm.json}, compose.yaml) is secure by default: the
 * development data lives only in the dev overlay that the local stack merges over it ({@link DevRealm}).
 */
class ProductionRealmTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** An environment placeholder without a default: Keycloak fills it in at import, nobody can know it from here. */
    private static final Pattern PLACEHOLDER_WITHOUT_DEFAULT = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");
    private static final List<String> ELEVATED_ROLES = List.of("ROOT", "MANAGER");

    private static final JsonNode REALM = read(DevRealm.PRODUCTION_FILE);

    @Test
    void has_no_users_but_the_service_account_of_a_client_and_no_credentials() {
        List<String> people = new ArrayList<>();
        REALM.path("users").forEach(user -> {
            if (user.path("serviceAccountClientId").asString("").isEmpty()) {
                people.add(user.path("username").asString());
            }
        });

        assertThat(people).as("users who are not a client's service account").isEmpty();
        assertThat(namedAnywhere("credentials")).as("credentials anywhere in the realm").isEmpty();
    }

    @Test
    void has_no_password_grant_client_and_no_demo_client() {
        List<String> passwordGrantClients = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        REALM.path("clients").forEach(client -> {
            clientIds.add(client.path("clientId").asString());
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                passwordGrantClients.add(client.path("clientId").asString());
            }
        });

        assertThat(passwordGrantClients).as("clients with directAccessGrantsEnabled").isEmpty();
        assertThat(clientIds).doesNotContain("cycube-dev", "acme-hr-integration")
                .as("a new client belongs here on purpose, not by accident")
                .containsExactlyInAnyOrder("account", "account-console", "admin-cli", "broker", "realm-management",
                        "security-admin-console", "cycube-web", "cycube-identity-admin", "cycube-audit-reader");
    }

    @Test
    void knows_no_secret_only_placeholders_without_a_default_that_the_importing_environment_fills_in() {
        List<String> knownSecrets = new ArrayList<>();
        walk(REALM, "", (path, node) -> {
            String field = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
            if (isSecretField(field) && node.isString()
                    && !PLACEHOLDER_WITHOUT_DEFAULT.matcher(node.asString()).matches()) {
                knownSecrets.add(path + " = " + node.asString());
            }
        });

        assertThat(knownSecrets).isEmpty();
        assertThat(client("cycube-identity-admin").path("secret").asString())
                .isEqualTo("${CYCUBE_IDENTITY_ADMIN_CLIENT_SECRET}");
    }

    @Test
    void has_no_redirect_uri_web_origin_or_any_other_address_on_the_developers_machine() {
        List<String> local = new ArrayList<>();
        walk(REALM, "", (path, node) -> {
            String text = node.isString() ? node.asString() : "";
            if (text.contains("localhost") || text.contains("127.0.0.1") || text.contains("[::1]")) {
                local.add(path + " = " + text);
            }
        });

        assertThat(local).isEmpty();
        assertThat(strings(client("cycube-web").path("redirectUris"))).containsExactly("${CYCUBE_WEB_URL}/*");
    }

    @Test
    void the_browser_flow_asks_root_and_manager_for_a_one_time_code_after_the_password() {
        JsonNode browser = flow(REALM.path("browserFlow").asString()).orElseThrow();
        JsonNode forms = reachableFlows(browser).stream()
                .filter(flow -> hasExecution(flow, "auth-username-password-form", "REQUIRED"))
                .findFirst().orElseThrow(() -> new AssertionError("no password form in the browser flow"));

        for (String role : ELEVATED_ROLES) {
            assertThat(requiresOtpFor(forms, role)).as("the password step requires OTP for " + role).isTrue();
        }
        assertThat(REALM.path("otpPolicyType").asString()).isEqualTo("totp");
        assertThat(requiredAction("CONFIGURE_TOTP").path("enabled").asBoolean()).as("ROOT/MANAGER can enrol").isTrue();
    }

    @Test
    void a_login_through_an_identity_provider_asks_root_and_manager_for_a_one_time_code_too() {
        assertThat(REALM.path("identityProviders")).isNotEmpty();
        for (JsonNode provider : REALM.path("identityProviders")) {
            String alias = provider.path("postBrokerLoginFlowAlias").asString("");
            JsonNode postLogin = flow(alias).orElseThrow(
                    () -> new AssertionError(provider.path("alias").asString() + " has no post-login flow"));
            for (String role : ELEVATED_ROLES) {
                assertThat(requiresOtpFor(postLogin, role)).as(alias + " requires OTP for " + role).isTrue();
            }
        }
    }

    @Test
    void e_mail_addresses_are_verified_and_a_changed_one_only_after_the_new_mailbox_confirmed_it() {
        JsonNode updateEmail = requiredAction("UPDATE_EMAIL");

        assertThat(REALM.path("verifyEmail").asBoolean()).as("realm verifyEmail").isTrue();
        assertThat(updateEmail.path("enabled").asBoolean()).as("UPDATE_EMAIL enabled").isTrue();
        assertThat(updateEmail.path("config").path("verifyEmail").asString()).as("UPDATE_EMAIL verifyEmail").isEqualTo("true");
        assertThat(REALM.path("duplicateEmailsAllowed").asBoolean()).isFalse();
    }

    @Test
    void compose_imports_the_production_realm_and_nothing_imports_the_dev_overlay_but_the_local_stack() throws IOException {
        String compose = Files.readAllLines(TestRepository.REAL.resolve("compose.yaml")).stream()
                .filter(line -> !line.strip().startsWith("#")).collect(Collectors.joining("\n"));

        assertThat(compose).as("compose.yaml without its comments").contains("./keycloak/cycube-realm.json:/opt/keycloak/data/import/cycube-realm.json:ro")
                .doesNotContain("cycube-realm-dev");
    }

    /** Keycloak stores descriptions in 255-character columns and refuses the whole import otherwise. */
    @Test
    void every_description_fits_keycloaks_column_in_the_production_and_the_local_stack_realm() {
        JsonNode local = DevRealm.merge(REALM, read(DevRealm.OVERLAY_FILE));
        for (JsonNode realm : List.of(REALM, local)) {
            List<String> tooLong = new ArrayList<>();
            walk(realm, "", (path, node) -> {
                if (path.endsWith(".description") && node.asString("").length() > 255) {
                    tooLong.add(path + " (" + node.asString().length() + " characters)");
                }
            });
            assertThat(tooLong).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static boolean isSecretField(String field) {
        String name = field.toLowerCase();
        return name.endsWith("secret") || name.endsWith("password") || name.endsWith("privatekey")
                || name.equals("bindcredential");
    }

    /** True if {@code flow} has a CONDITIONAL sub-flow, for users with {@code role}, that requires the OTP form. */
    private static boolean requiresOtpFor(JsonNode flow, String role) {
        for (JsonNode execution : flow.path("authenticationExecutions")) {
            if (!execution.path("authenticatorFlow").asBoolean() || !"CONDITIONAL".equals(execution.path("requirement").asString())) {
                continue;
            }
            JsonNode subFlow = flow(execution.path("flowAlias").asString()).orElseThrow();
            boolean forRole = false;
            for (JsonNode step : subFlow.path("authenticationExecutions")) {
                if ("conditional-user-role".equals(step.path("authenticator").asString())) {
                    JsonNode config = authenticatorConfig(step.path("authenticatorConfig").asString()).path("config");
                    forRole |= role.equals(config.path("condUserRole").asString())
                            && !"true".equals(config.path("negate").asString());
                }
            }
            if (forRole && hasExecution(subFlow, "auth-otp-form", "REQUIRED")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExecution(JsonNode flow, String authenticator, String requirement) {
        for (JsonNode execution : flow.path("authenticationExecutions")) {
            if (authenticator.equals(execution.path("authenticator").asString())
                    && requirement.equals(execution.path("requirement").asString())) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> reachableFlows(JsonNode top) {
        List<JsonNode> flows = new ArrayList<>(List.of(top));
        for (int i = 0; i < flows.size(); i++) {
            for (JsonNode execution : flows.get(i).path("authenticationExecutions")) {
                if (execution.path("authenticatorFlow").asBoolean()) {
                    flow(execution.path("flowAlias").asString()).ifPresent(flows::add);
                }
            }
        }
        return flows;
    }

    private static Optional<JsonNode> flow(String alias) {
        return find(REALM.path("authenticationFlows"), "alias", alias);
    }

    private static JsonNode authenticatorConfig(String alias) {
        return find(REALM.path("authenticatorConfig"), "alias", alias)
                .orElseThrow(() -> new AssertionError("no authenticatorConfig '" + alias + "'"));
    }

    private static JsonNode requiredAction(String alias) {
        return find(REALM.path("requiredActions"), "alias", alias).orElseThrow();
    }

    private static JsonNode client(String clientId) {
        return find(REALM.path("clients"), "clientId", clientId).orElseThrow();
    }

    private static Optional<JsonNode> find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asString(null))) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static List<String> namedAnywhere(String field) {
        List<String> paths = new ArrayList<>();
        walk(REALM, "", (path, node) -> {
            if (path.endsWith("." + field)) {
                paths.add(path);
            }
        });
        return paths;
    }

    /** Visits every node with its path ({@code .clients[3].secret}). */
    private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visitor) {
        visitor.accept(path, node);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), path + "." + field.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(Files.readString(TestRepository.REAL.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
