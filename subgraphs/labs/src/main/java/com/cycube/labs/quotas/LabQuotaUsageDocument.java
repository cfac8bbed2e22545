package com.cycube.labs.quotas;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The places an organization's labs hold in its quota (collection {@value LabQuotaUsageStore#COLLECTION},
 * id = the organization id): one {@link Holder} per active lab. Written only with update operators by
 * {@link LabQuotaUsageStore}: a place is taken by a conditional {@code $push} that matches only while fewer than
 * the quota are held, and given back by {@code $pull} of the lab id (idempotent, so a lab gives its place back once
 * however often it is ended).
 */
@Document("lab_quota_usage")
public record LabQuotaUsageDocument(@Id String id, String organizationId, List<Holder> holders) implements TenantOwned {

    public LabQuotaUsageDocument {
        holders = holders == null ? List.of() : List.copyOf(holders);
    }

    /**
     * One place in the quota.
     *
     * @param labId     the lab holding it (the lab document may not exist yet: the place is taken before the lab is stored)
     * @param activeKey the lab's {@code organization|owner|cube}: a second launch for the same trainee and cube waits
     *                  for the first instead of taking a second place
     * @param at        when the place was taken
     */
    public record Holder(String labId, String activeKey, Instant at) {
    }
}
