package com.cycube.identity.teams;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A team of one organization; {@code parentId} links it into the organization's team hierarchy. */
@Document("teams")
public record TeamDocument(@Id String id, String organizationId, String name, String parentId, Instant createdAt)
        implements TenantOwned {
}
