package com.cycube.identity.organizations;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant. It owns itself: {@code organizationId} always equals {@code id}, so organizations are
 * read and written through {@code TenantScopedMongo} like every other tenant-owned document.
 *
 * @param deactivatedAt when root deactivated it; null while active (documents from before this field are active)
 * @param snapshotVersion the version of the newest {@code identity.OrganizationChanged} snapshot written with this
 *                      document: 1 at creation, +1 with every change (compare-and-set, so versions serialize); null
 *                      for documents written before versions existed (their next change writes 1)
 */
@Document("organizations")
public record OrganizationDocument(@Id String id, String organizationId, String name, int seatLimit, int labQuota,
                                   Instant createdAt, Instant deactivatedAt, Long snapshotVersion) implements TenantOwned {

    public static final String COLLECTION = "organizations";

    public static OrganizationDocument create(String id, String name, int seatLimit, int labQuota, Instant createdAt) {
        return new OrganizationDocument(id, id, name, seatLimit, labQuota, createdAt, null, 1L);
    }

    /** {@code Organization.active}. */
    public boolean active() {
        return deactivatedAt == null;
    }

    public OrganizationDocument withName(String newName) {
        return new OrganizationDocument(id, organizationId, newName, seatLimit, labQuota, createdAt, deactivatedAt, snapshotVersion);
    }

    public OrganizationDocument withQuotas(int newSeatLimit, int newLabQuota) {
        return new OrganizationDocument(id, organizationId, name, newSeatLimit, newLabQuota, createdAt, deactivatedAt, snapshotVersion);
    }

    public OrganizationDocument withSnapshotVersion(Long version) {
        return new OrganizationDocument(id, organizationId, name, seatLimit, labQuota, createdAt, deactivatedAt, version);
    }

    /** The version the next snapshot of this organization gets. */
    public long nextSnapshotVersion() {
        return snapshotVersion == null ? 1 : snapshotVersion + 1;
    }

    public OrganizationDocument withDeactivatedAt(Instant at) {
        return new OrganizationDocument(id, organizationId, name, seatLimit, labQuota, createdAt, at, snapshotVersion);
    }
}
