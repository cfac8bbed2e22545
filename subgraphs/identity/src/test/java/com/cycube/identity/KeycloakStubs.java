package com.cycube.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A Keycloak admin API (realm {@code cycube}) stubbed in WireMock. */
public final class KeycloakStubs {

    public static final String REALM_ADMIN = "/admin/realms/cycube";
    public static final String TOKEN = "/realms/cycube/protocol/openid-connect/token";
    public static final String NEW_USER_ID = "11111111-2222-4333-8444-555555555555";

    private KeycloakStubs() {
    }

    /** Every admin call succeeds; a created user gets {@link #NEW_USER_ID}. */
    public static void acceptEverything(WireMockServer keycloak) {
        keycloak.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson("{\"access_token\":\"admin-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        // Like a fresh account: only the realm's default roles; every platform role can still be mapped.
        keycloak.stubFor(get(urlPathMatching(REALM_ADMIN + "/users/[^/]+/role-mappings/realm"))
                .willReturn(okJson(roles("default-roles-cycube"))));
        keycloak.stubFor(get(urlPathMatching(REALM_ADMIN + "/users/[^/]+/role-mappings/realm/available"))
                .willReturn(okJson(roles("TRAINEE", "MANAGER", "ROOT", "offline_access"))));
        keycloak.stubFor(post(urlEqualTo(REALM_ADMIN + "/users")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", keycloak.baseUrl() + REALM_ADMIN + "/users/" + NEW_USER_ID)));
        keycloak.stubFor(post(urlPathMatching(REALM_ADMIN + "/users/[^/]+/role-mappings/realm")).willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(delete(urlPathMatching(REALM_ADMIN + "/users/[^/]+/role-mappings/realm")).willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(put(urlPathMatching(REALM_ADMIN + "/users/[^/]+/execute-actions-email")).willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(put(urlPathMatching(REALM_ADMIN + "/users/[^/]+")).willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(delete(urlPathMatching(REALM_ADMIN + "/users/[^/]+")).willReturn(aResponse().withStatus(204)));
    }

    /**
     * The account {@code userId} has the realm roles {@code names} (besides the default roles), as the
     * two role-mapping endpoints the admin client may read answer it.
     */
    public static void userHasRealmRoles(WireMockServer keycloak, String userId, String... names) {
        List<String> current = new ArrayList<>(List.of(names));
        current.add("default-roles-cycube");
        List<String> available = new ArrayList<>(List.of("TRAINEE", "MANAGER", "ROOT", "offline_access"));
        available.removeAll(current);
        keycloak.stubFor(get(urlEqualTo(userPath(userId) + "/role-mappings/realm")).willReturn(okJson(roles(current.toArray(String[]::new)))));
        keycloak.stubFor(get(urlEqualTo(userPath(userId) + "/role-mappings/realm/available"))
                .willReturn(okJson(roles(available.toArray(String[]::new)))));
    }

    /** Role representations as Keycloak lists them; the id of role X is {@code role-id-X}. */
    public static String roles(String... names) {
        return Arrays.stream(names)
                .map(name -> "{\"id\":\"role-id-" + name + "\",\"name\":\"" + name + "\",\"composite\":false,\"clientRole\":false}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    public static String userPath(String userId) {
        return REALM_ADMIN + "/users/" + userId;
    }
}
