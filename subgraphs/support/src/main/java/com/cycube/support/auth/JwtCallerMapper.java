package com.cycube.support.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps Keycloak access-token claims to a {@link Caller}: realm roles → {@link Role}, the
 * {@code org_id} claim → tenant, client-credentials tokens (service accounts) → integration client
 * with its scopes. The claim names live here and nowhere else.
 */
public final class JwtCallerMapper {

    public static final String ORGANIZATION_CLAIM = "org_id";
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private JwtCallerMapper() {
    }

    public static Caller toCaller(Jwt jwt) {
        Optional<String> organization = Optional.ofNullable(jwt.getClaimAsString(ORGANIZATION_CLAIM))
                .filter(s -> !s.isBlank());
        Set<String> scopes = scopes(jwt);
        if (isServiceAccount(jwt)) {
            return new Caller(jwt.getSubject(), Caller.Kind.INTEGRATION, Optional.empty(), organization, scopes,
                    null, jwt.getClaimAsString("azp"), null, jwt.getExpiresAt());
        }
        Optional<Role> role = realmRoles(jwt).stream()
                .map(Role::fromClaim).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        String name = Optional.ofNullable(jwt.getClaimAsString("name")).orElse(jwt.getClaimAsString("preferred_username"));
        return new Caller(jwt.getSubject(), Caller.Kind.PERSON, role, role.filter(r -> r == Role.ROOT).isPresent() ? Optional.empty() : organization,
                Set.of(), jwt.getClaimAsString("email"), name, jwt.getClaimAsString("locale"), jwt.getExpiresAt());
    }

    private static boolean isServiceAccount(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        return (username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX)) || jwt.hasClaim("client_id") && !jwt.hasClaim("email");
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return (Collection<String>) roles;
        }
        return List.of();
    }

    private static Set<String> scopes(Jwt jwt) {
        String scope = jwt.getClaimAsString("scope");
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(scope.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }
}
