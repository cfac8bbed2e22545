package com.cycube.assessment.certificates;

import com.cycube.support.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What assessment knows about an organization, from the {@code identity.OrganizationChanged} snapshot with the
 * highest {@code version}: the name certificates of its own courses show as their issuer. A read model; identity owns
 * organizations. id = organizationId.
 *
 * @param version identity's per-organization change counter (null only for a snapshot from before versions; counts
 *                as 0)
 */
@Document(OrganizationDocument.COLLECTION)
public record OrganizationDocument(@Id String id, String organizationId, String name, Boolean active, Long version)
        implements TenantOwned {

    public static final String COLLECTION = "organizations";
}
