package com.cycube.support.auth;

import com.cycube.support.errors.DomainException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: a person (with a role) or an integration client (with scopes), and the tenant
 * the call is made for. Built once per request from the validated JWT; never from client input.
 *
 * @param subject      the OIDC subject; for people it is also the identity subgraph's User id
 * @param kind         person, integration client, or anonymous
 * @param role         the person's highest platform role (empty for integrations and anonymous)
 * @param organizationId the tenant (empty for root and anonymous)
 * @param scopes       OAuth2 scopes granted to an integration client
 * @param expiresAt    when the token this caller presented expires (null: anonymous, or a caller made in code); a live
 *                     stream ends then ({@code com.cycube.support.access.LiveAccess})
 */
public record Caller(
        String subject,
        Kind kind,
        Optional<Role> role,
        Optional<String> organizationId,
        Set<String> scopes,
        String email,
        String displayName,
        String locale,
        Instant expiresAt) {

    /** A caller whose token's expiry is not known (made in code and tests). */
    public Caller(String subject, Kind kind, Optional<Role> role, Optional<String> organizationId, Set<String> scopes,
                  String email, String displayName, String locale) {
        this(subject, kind, role, organizationId, scopes, email, displayName, locale, null);
    }

    public enum Kind { PERSON, INTEGRATION, ANONYMOUS }

    public static final Caller ANONYMOUS =
            new Caller(null, Kind.ANONYMOUS, Optional.empty(), Optional.empty(), Set.of(), null, null, null, null);

    public boolean isAuthenticated() {
        return kind != Kind.ANONYMOUS;
    }

    public boolean isRoot() {
        return kind == Kind.PERSON && role.filter(r -> r == Role.ROOT).isPresent();
    }

    public boolean isIntegration() {
        return kind == Kind.INTEGRATION;
    }

    public boolean hasRole(Role needed) {
        return kind == Kind.PERSON && role.map(r -> r.includes(needed)).orElse(false);
    }

    public boolean hasScope(String scope) {
        return kind == Kind.INTEGRATION && scopes.contains(scope);
    }

    /** Fails with UNAUTHENTICATED unless the call carries a valid token. */
    public Caller requireAuthenticated() {
        if (!isAuthenticated()) {
            throw DomainException.unauthenticated();
        }
        return this;
    }

    /**
     * The single authorization check: a person needs at least {@code role}; an integration client
     * needs {@code scope} (pass null when integrations may never do it).
     */
    public Caller require(Role role, String scope) {
        requireAuthenticated();
        boolean allowed = hasRole(role) || (scope != null && hasScope(scope));
        if (!allowed) {
            throw DomainException.forbidden("This operation needs the " + role + " role"
                    + (scope != null ? " or the " + scope + " scope" : ""));
        }
        return this;
    }

    /** The caller's tenant; FORBIDDEN for callers without one (root acting on no organization). */
    public String requireOrganization() {
        requireAuthenticated();
        return organizationId.orElseThrow(() -> DomainException.forbidden("This operation needs an organization context"));
    }

    /** True when the caller may see or change data of {@code orgId}: its own tenant, or root. */
    public boolean canAccessOrganization(String orgId) {
        return isRoot() || (orgId != null && organizationId.map(orgId::equals).orElse(false));
    }
}
