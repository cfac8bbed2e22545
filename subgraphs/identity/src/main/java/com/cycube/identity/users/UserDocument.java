package com.cycube.identity.users;

import com.cycube.support.auth.Role;
import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user and their memberships: the organization (null for root) with a role, and the teams
 * (direct memberships, by id). The id is the Keycloak user id.
 *
 * @param firstSignInAt when the user first called the API with a token; null for seeded or invited
 *                      users who have not signed in yet (their email and name are refreshed from
 *                      the token at that moment)
 * @param snapshotVersion the version of the newest {@code identity.UserChanged} snapshot written with this document:
 *                      1 at insert, +1 with every change (compare-and-set, so versions of one user serialize);
 *                      null for documents written before versions existed (their next change writes 1)
 */
@Document("users")
public record UserDocument(@Id String id, String organizationId, String email, String displayName, String locale,
                           Role role, UserStatus status, List<String> teamIds, Instant createdAt,
                           Instant firstSignInAt, Long snapshotVersion) implements TenantOwned {

    public static final String COLLECTION = "users";

    public UserDocument {
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
    }

    public UserDocument withProfile(String newEmail, String newDisplayName, String newLocale) {
        return new UserDocument(id, organizationId, newEmail, newDisplayName, newLocale, role, status, teamIds, createdAt,
                firstSignInAt, snapshotVersion);
    }

    public UserDocument withRole(Role newRole) {
        return new UserDocument(id, organizationId, email, displayName, locale, newRole, status, teamIds, createdAt,
                firstSignInAt, snapshotVersion);
    }

    public UserDocument withStatus(UserStatus newStatus) {
        return new UserDocument(id, organizationId, email, displayName, locale, role, newStatus, teamIds, createdAt,
                firstSignInAt, snapshotVersion);
    }

    public UserDocument withTeamIds(List<String> newTeamIds) {
        return new UserDocument(id, organizationId, email, displayName, locale, role, status, newTeamIds, createdAt,
                firstSignInAt, snapshotVersion);
    }

    public UserDocument withSnapshotVersion(Long version) {
        return new UserDocument(id, organizationId, email, displayName, locale, role, status, teamIds, createdAt,
                firstSignInAt, version);
    }

    /** The version the next snapshot of this user gets. */
    public long nextSnapshotVersion() {
        return snapshotVersion == null ? 1 : snapshotVersion + 1;
    }

    public UserDocument withFirstSignInAt(Instant at) {
        return new UserDocument(id, organizationId, email, displayName, locale, role, status, teamIds, createdAt, at, snapshotVersion);
    }
}
