package com.cycube.labs.quotas;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Root's override of one organization's concurrent-lab quota (id = the organization id). */
@Document("lab_quotas")
public record LabQuotaDocument(@Id String id, String organizationId, int maxConcurrentLabs, String updatedBy,
                               Instant updatedAt) implements TenantOwned {
}
