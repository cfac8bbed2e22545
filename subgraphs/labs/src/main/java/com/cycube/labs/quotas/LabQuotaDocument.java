package com.cycube.labs.quotas;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One organization's concurrent-lab quota as identity last announced it ({@code OrganizationChanged}),
 * id = the organization id. Written only by {@link OrganizationQuotaHandler}, with update operators (the
 * document remembers applied event ids in {@code _appliedEvents}, so it is never replaced wholesale).
 *
 * @param maxConcurrentLabs the organization's {@code labQuota}
 * @param active            false when identity deactivated the organization (then no new labs start)
 * @param updatedAt         when labs applied the snapshot
 * @param version           the snapshot's version (identity's per-organization counter); a lower one is ignored;
 *                          null when the stored snapshot had none (counts as 0)
 */
@Document("lab_quotas")
public record LabQuotaDocument(@Id String id, String organizationId, int maxConcurrentLabs, Boolean active,
                               Instant updatedAt, Long version) implements TenantOwned {

    public static final String COLLECTION = "lab_quotas";

    /** The limit that applies: the quota, or 0 for a deactivated organization. */
    public int effectiveLimit() {
        return Boolean.FALSE.equals(active) ? 0 : maxConcurrentLabs;
    }
}
