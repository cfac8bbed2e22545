package com.cycube.identity.organizations;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant. It owns itself: {@code organizationId} always equals {@code id}, so organizations are
 * read and written through {@code TenantScopedMongo} like every other tenant-owned document.
 */
@Document("organizations")
public record OrganizationDocument(@Id String id, String organizationId, String name, int seatLimit, int labQuota,
                                   Instant createdAt) implements TenantOwned {

    public static OrganizationDocument create(String id, String name, int seatLimit, int labQuota, Instant createdAt) {
        return new OrganizationDocument(id, id, name, seatLimit, labQuota, createdAt);
    }
}
