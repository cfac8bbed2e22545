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
 */
@Document("organizations")
public record OrganizationDocument(@Id String id, String organizationId, String name, int seatLimit, int labQuota,
                                   Instant createdAt, Instant deactivatedAt) implements TenantOwned {

    public static final String COLLECTION = "organizations";

    public static OrganizationDocument create(String id, String name, int seatLimit, int labQuota, Instant createdAt) {
        return new OrganizationDocument(id, id, name, seatLimit, labQuota, createdAt, null);
    }

    /** {@code Organization.active}. */
    public boolean active() {
        return deactivatedAt == null;
    }

    public OrganizationDocument withName(String newName) {
        return new OrganizationDocument(id, organizationId, newName, seatLimit, labQuota, createdAt, deactivatedAt);
    }

    public OrganizationDocument withQuotas(int newSeatLimit, int newLabQuota) {
        return new OrganizationDocument(id, organizationId, name, newSeatLimit, newLabQuota, createdAt, deactivatedAt);
    }

    public OrganizationDocument withDeactivatedAt(Instant at) {
        return new OrganizationDocument(id, organizationId, name, seatLimit, labQuota, createdAt, at);
    }
}
