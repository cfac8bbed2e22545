package com.cycube.training.people;

import com.cycube.support.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organization's seat limit from the highest {@code identity.OrganizationChanged} snapshot ({@code version});
 * no document = no limit known.
 */
@Document(OrganizationDocument.COLLECTION)
public record OrganizationDocument(@Id String id, String organizationId, String name, Integer seatLimit,
                                   boolean active, Long version) implements TenantOwned {

    public static final String COLLECTION = "organizations";
}
