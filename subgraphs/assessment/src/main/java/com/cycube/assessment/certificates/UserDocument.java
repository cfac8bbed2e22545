package com.cycube.assessment.certificates;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What assessment knows about a user, from {@code identity.UserChanged} snapshots (highest {@code version}
 * wins; {@code occurredAt} only between snapshots without one): the display name printed on certificates. A read
 * model; identity owns users.
 */
@Document(UserDocument.COLLECTION)
public record UserDocument(@Id String id, String organizationId, String displayName, Boolean active,
                           Instant occurredAt, Long version) implements TenantOwned {

    public static final String COLLECTION = "users";
}
