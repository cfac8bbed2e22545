package com.cycube.assessment.certificates;

import com.cycube.support.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What assessment knows about a user, from the {@code identity.UserChanged} snapshot with the highest
 * {@code version}: the display name printed on certificates. A read model; identity owns users.
 *
 * @param version identity's per-user change counter (null only for a user stored before snapshots had versions)
 */
@Document(UserDocument.COLLECTION)
public record UserDocument(@Id String id, String organizationId, String displayName, Boolean active, Long version)
        implements TenantOwned {

    public static final String COLLECTION = "users";
}
