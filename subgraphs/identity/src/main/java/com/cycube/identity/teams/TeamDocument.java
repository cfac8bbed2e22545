package com.cycube.identity.teams;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A team of one organization; {@code parentId} links it into the organization's team hierarchy.
 *
 * @param deletedAt       when a manager deleted it; null while it exists. A deleted team stays stored as a tombstone
 *                        (absent from every read, see {@link TeamStore}): its last {@code identity.TeamChanged}
 *                        snapshot ({@code deleted: true}) rides in the write that deletes it, and an outbox needs a
 *                        document to live in
 * @param snapshotVersion the version of the newest {@code identity.TeamChanged} snapshot written with this document:
 *                        1 at creation, +1 with every change (compare-and-set, so versions of one team serialize);
 *                        null for documents written before versions existed (their next change writes 1)
 */
@Document(TeamDocument.COLLECTION)
public record TeamDocument(@Id String id, String organizationId, String name, String parentId, Instant createdAt,
                           Instant deletedAt, Long snapshotVersion) implements TenantOwned {

    public static final String COLLECTION = "teams";

    /** A new team, with version 1 of its snapshots. */
    public static TeamDocument create(String id, String organizationId, String name, String parentId, Instant createdAt) {
        return new TeamDocument(id, organizationId, name, parentId, createdAt, null, 1L);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public TeamDocument withName(String newName) {
        return new TeamDocument(id, organizationId, newName, parentId, createdAt, deletedAt, snapshotVersion);
    }

    /** Under {@code newParentId}; null makes it a top-level team. */
    public TeamDocument withParentId(String newParentId) {
        return new TeamDocument(id, organizationId, name, newParentId, createdAt, deletedAt, snapshotVersion);
    }

    public TeamDocument withDeletedAt(Instant at) {
        return new TeamDocument(id, organizationId, name, parentId, createdAt, at, snapshotVersion);
    }

    public TeamDocument withSnapshotVersion(Long version) {
        return new TeamDocument(id, organizationId, name, parentId, createdAt, deletedAt, version);
    }

    /** The version the next snapshot of this team gets. */
    public long nextSnapshotVersion() {
        return snapshotVersion == null ? 1 : snapshotVersion + 1;
    }
}
