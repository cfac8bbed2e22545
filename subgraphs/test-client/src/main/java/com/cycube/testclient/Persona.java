package com.cycube.testclient;

import java.util.List;

/**
 * A caller in tests, matching the local seed users of the Keycloak realm (same ids, emails,
 * organizations) so tests read like the product: Acme and Globex, trainees and managers, root,
 * and Acme's HR integration client.
 */
public record Persona(String subject, String email, String name, String role, String organizationId,
                      String clientId, List<String> scopes) {

    public static final String ACME = "org-acme";
    public static final String GLOBEX = "org-globex";

    public static final Persona ROOT = person("00000000-0000-4000-8000-000000000001", "root@cycube.local", "Platform Root", "ROOT", null);
    public static final Persona ACME_MANAGER = person("00000000-0000-4000-8000-000000000011", "manager@acme.test", "Alice Manager", "MANAGER", ACME);
    public static final Persona ACME_TRAINEE = person("00000000-0000-4000-8000-000000000012", "trainee@acme.test", "Adam Trainee", "TRAINEE", ACME);
    public static final Persona GLOBEX_MANAGER = person("00000000-0000-4000-8000-000000000021", "manager@globex.test", "Gina Manager", "MANAGER", GLOBEX);
    public static final Persona GLOBEX_TRAINEE = person("00000000-0000-4000-8000-000000000022", "trainee@globex.test", "Greg Trainee", "TRAINEE", GLOBEX);
    public static final Persona ACME_HR_INTEGRATION = integration("acme-hr-integration", ACME, List.of("org:read", "training:read", "catalog:read"));

    public static Persona person(String subject, String email, String name, String role, String organizationId) {
        return new Persona(subject, email, name, role, organizationId, "cycube-web", List.of());
    }

    public static Persona integration(String clientId, String organizationId, List<String> scopes) {
        return new Persona("sa-" + clientId, null, null, null, organizationId, clientId, scopes);
    }

    public boolean isIntegration() {
        return role == null;
    }

    public String token() {
        return TestTokens.tokenFor(this);
    }
}
