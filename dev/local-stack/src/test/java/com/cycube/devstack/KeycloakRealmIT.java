package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realm as the local stack imports it (the production file with the dev overlay merged over it, {@link DevRealm})
 * and as the subgraphs see it: real tokens from a real Keycloak started by the local stack. The production flows
 * are imported too (only not bound as the realm's browser flow), so the second factor of ROOT and MANAGER and the
 * verified e-mail change are checked here on the real server. Opt-in, since
 * Keycloak needs its 169 MiB distribution and ~15 s per start:
 * {@code mvn -f dev/local-stack/pom.xml test -Dcycube.keycloak.it=true -Dtest=KeycloakRealmIT}.
 */
@EnabledIfSystemProperty(named = "cycube.keycloak.it", matches = "true")
class KeycloakRealmIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOCAL_WEB = "http://localhost:5173/";
    /** The list of set-up steps on Keycloak's "Configure OTP" page (required action CONFIGURE_TOTP). */
    private static final String OTP_SET_UP = "id=\"kc-totp-settings\"";

    static LocalStack stack;

    @BeforeAll
    static void startKeycloak() {
        stack = LocalStack.builder().randomPorts().only(List.of(LocalStack.KEYCLOAK))
                .keycloakTimeout(Duration.ofMinutes(3)).build().start();
    }

    @AfterAll
    static void stopKeycloak() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_trainee_token_carries_the_fixed_id_the_organization_the_role_and_the_audience() {
        JsonNode claims = Tokens.claims(stack.token("trainee@acme.test"));

        assertThat(claims.path("sub").asString()).isEqualTo("00000000-0000-4000-8000-000000000012");
        assertThat(claims.path("org_id").asString()).isEqualTo("org-acme");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("TRAINEE").doesNotContain("MANAGER");
        assertThat(strings(claims.path("aud"))).contains("cycube-api");
        assertThat(claims.path("iss").asString()).isEqualTo(stack.issuerUri());
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
    }

    @Test
    void root_has_no_organization() {
        JsonNode claims = Tokens.claims(stack.token("root@cycube.local"));

        assertThat(claims.path("sub").asString()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(claims.has("org_id")).isFalse();
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("ROOT");
    }

    @Test
    void a_globex_manager_belongs_to_globex() {
        JsonNode claims = Tokens.claims(stack.token("manager@globex.test"));

        assertThat(claims.path("sub").asString()).isEqualTo("00000000-0000-4000-8000-000000000021");
        assertThat(claims.path("org_id").asString()).isEqualTo("org-globex");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("MANAGER");
    }

    @Test
    void the_acme_integration_client_gets_its_organization_and_read_scopes() {
        JsonNode claims = Tokens.claims(stack.clientCredentialsToken("acme-hr-integration", "acme-hr-dev-secret"));

        assertThat(claims.path("org_id").asString()).isEqualTo("org-acme");
        assertThat(strings(claims.path("aud"))).contains("cycube-api");
        assertThat(claims.path("scope").asString().split(" "))
                .contains("org:read", "training:read", "catalog:read").doesNotContain("org:write");
        assertThat(claims.path("azp").asString()).isEqualTo("acme-hr-integration");
    }

    @Test
    void the_identity_admin_client_may_manage_users() {
        JsonNode claims = Tokens.claims(stack.clientCredentialsToken("cycube-identity-admin", "identity-admin-dev-secret"));

        assertThat(strings(claims.path("resource_access").path("realm-management").path("roles")))
                .contains("manage-users", "view-users", "query-users");
    }

    @Test
    void the_production_browser_flow_makes_root_and_managers_set_up_a_one_time_code_after_the_password() {
        String client = clientBoundToTheProductionBrowserFlow();

        assertThat(browserLogin(client, "manager@acme.test").body()).as("manager: OTP set-up page").contains(OTP_SET_UP);
        assertThat(browserLogin(client, "root@cycube.local").body()).as("root: OTP set-up page").contains(OTP_SET_UP);
        assertThat(browserLogin(client, "trainee@acme.test").headers().firstValue("Location").orElse(""))
                .as("a trainee is signed in by the password alone").startsWith(LOCAL_WEB).contains("code=");
    }

    @Test
    void the_dev_overlay_keeps_keycloaks_default_browser_flow_so_the_demo_manager_signs_in_by_password() {
        HttpResponse<String> signedIn = browserLogin("cycube-web", "manager@acme.test");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).startsWith(LOCAL_WEB).contains("code=");
    }

    @Test
    void an_e_mail_address_cannot_be_changed_in_the_account_api_and_a_change_is_verified_by_the_new_mailbox() {
        String trainee = stack.token("trainee@acme.test");
        ObjectNode profile = (ObjectNode) account(trainee, null);

        // the same request changes the name (so it was accepted) but not the address
        account(trainee, profile.deepCopy().put("email", "squatter@globex.test").put("firstName", "Adamo"));
        JsonNode after = account(trainee, null);
        account(trainee, profile);

        assertThat(after.path("firstName").asString()).isEqualTo("Adamo");
        assertThat(after.path("email").asString()).isEqualTo("trainee@acme.test");
        JsonNode updateEmail = JSON.readTree(send(admin("/authentication/required-actions/UPDATE_EMAIL/config").GET()).body());
        assertThat(updateEmail.path("config").path("verifyEmail").asString())
                .as("UPDATE_EMAIL: the new address only after the link sent to it is opened").isEqualTo("true");
    }

    /** GETs the caller's account (update null) or POSTs an update of it to the account REST API, then GETs it. */
    private static JsonNode account(String token, JsonNode update) {
        URI account = URI.create(stack.issuerUri() + "/account/");
        if (update != null) {
            HttpResponse<String> posted = send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(update))));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
        }
        HttpResponse<String> read = send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return JSON.readTree(read.body());
    }

    // ------------------------------------------------------------------------------------------------ browser login

    /** A public test client whose browser flow is the production realm's "cycube browser" (the realm's is "browser"). */
    private static String clientBoundToTheProductionBrowserFlow() {
        String flowId = null;
        for (JsonNode flow : JSON.readTree(send(admin("/authentication/flows").GET()).body())) {
            if ("cycube browser".equals(flow.path("alias").asString())) {
                flowId = flow.path("id").asString();
            }
        }
        assertThat(flowId).as("the production browser flow was imported").isNotNull();
        String clientId = "production-browser-flow-check";
        Map<String, Object> client = Map.of("clientId", clientId, "publicClient", true, "standardFlowEnabled", true,
                "directAccessGrantsEnabled", false, "redirectUris", List.of(LOCAL_WEB + "*"),
                "authenticationFlowBindingOverrides", Map.of("browser", flowId));
        HttpResponse<String> created = send(admin("/clients").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        return clientId;
    }

    /**
     * An authorization-code login as a browser does it: the login page, then username and password posted to its
     * form, following Keycloak's own redirects; returns the last answer: the redirect to the app with the code, or
     * the next page of the flow (an error page, the OTP set-up, ...).
     */
    private static HttpResponse<String> browserLogin(String clientId, String username) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new BrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = "a-pkce-code-verifier-of-the-keycloak-realm-integration-test-0123456789";
        String authorize = stack.issuerUri() + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId, "redirect_uri", LOCAL_WEB, "response_type", "code", "scope", "openid",
                "state", "s", "code_challenge", s256(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET());
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|"
                + "<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"").matcher(page.body());
        assertThat(action.find()).as("login page of " + clientId + ": " + page.statusCode()).isTrue();
        String url = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", username);
        credentials.put("password", Tokens.DEV_PASSWORD);
        credentials.put("credentialId", "");
        HttpResponse<String> answer = send(browser, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(credentials))));
        for (int hops = 0; hops < 5; hops++) {
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() / 100 != 3 || !location.startsWith(stack.keycloakUrl())) {
                break;
            }
            answer = send(browser, HttpRequest.newBuilder(URI.create(location)).GET());
        }
        return answer;
    }

    /**
     * The cookies of one browser session. Keycloak marks its login cookies {@code Secure} (SameSite=None), which a
     * browser still sends to http://localhost but Java's CookieManager does not: this jar sends every cookie back.
     */
    private static final class BrowserCookies extends CookieHandler {
        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((header, values) -> {
                if (header != null && header.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(this::store);
                }
            });
        }

        private void store(String setCookie) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static HttpRequest.Builder admin(String path) {
        Map<String, String> grant = Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD);
        HttpResponse<String> token = send(HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(grant))));
        String accessToken = JSON.readTree(token.body()).path("access_token").asString();
        return HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms/" + KeycloakServer.REALM + path))
                .header("Authorization", "Bearer " + accessToken);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(HttpClient.newHttpClient(), request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A claim that is either one string or an array of strings, as a list. */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asString()));
        } else if (!node.isMissingNode()) {
            values.add(node.asString());
        }
        return values;
    }
}
