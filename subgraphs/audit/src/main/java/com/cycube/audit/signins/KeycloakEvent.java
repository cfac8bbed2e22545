package com.cycube.audit.signins;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * One stored Keycloak event as its admin REST API returns it: a login event ({@code GET /admin/realms/{realm}/events},
 * Keycloak's {@code EventRepresentation}) or an admin event ({@code /admin-events}, {@code AdminEventRepresentation},
 * whose user, client and address are in {@code authDetails}). Only the fields the trail uses are read; an admin
 * event's {@code representation} is deliberately not (the realm stores none: {@code adminEventsDetailsEnabled} off).
 *
 * @param id   Keycloak's event id (a UUID); the record's id is {@code keycloak:<id>}
 * @param time when it happened, epoch milliseconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeycloakEvent(String id, long time, String type, String clientId, String userId, String ipAddress,
                            String error, Map<String, String> details, AuthDetails authDetails, String operationType,
                            String resourceType, String resourcePath) {

    public KeycloakEvent {
        details = details == null ? Map.of() : details;
    }

    /** Who made an admin event: the signed-in user (or a client's service account), through which client, from where. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthDetails(String realmId, String clientId, String userId, String ipAddress) {
    }

    /** A detail Keycloak attached ({@code username}, {@code credential_type}…), or null. */
    public String detail(String name) {
        String value = details.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
