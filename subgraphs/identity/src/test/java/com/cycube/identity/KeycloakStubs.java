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
        for (String role : new String[] {"TRAINEE", "MANAGER", "ROOT"}) {
            keycloak.stubFor(get(urlEqualTo(REALM_ADMIN + "/roles/" + role))
                    .willReturn(okJson("{\"id\":\"role-id-" + role + "\",\"name\":\"" + role + "\",\"composite\":false}")));
        }
        keycloak.stubFor(post(urlEqualTo(REALM_ADMIN + "/users")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", keycloak.baseUrl() + REALM_ADMIN + "/users/" + NEW_USER_ID)));
        keycloak.stubFor(post(urlPathMatching(REALM_ADMIN + "/users/[^/]+/role-mappings/realm")).willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(delete(urlPathMatching(REALM_ADMIN + "/users/[^/]+/role-mappings/realm")).willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(put(urlPathMatching(REALM_ADMIN + "/users/[^/]+/execute-actions-email")).willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(put(urlPathMatching(REALM_ADMIN + "/users/[^/]+")).willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(delete(urlPathMatching(REALM_ADMIN + "/users/[^/]+")).willReturn(aResponse().withStatus(204)));
    }

    public static String userPath(String userId) {
        return REALM_ADMIN + "/users/" + userId;
    }
}
