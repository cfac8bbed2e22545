package com.cycube.training.people;

import com.cycube.support.tenancy.TenantOwned;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user as training knows them, from the highest {@code identity.UserChanged} snapshot ({@code version}):
 * organization, teams and whether they are active. Drives team assignments (who is a member now) and team progress.
 */
@Document(PersonDocument.COLLECTION)
public record PersonDocument(@Id String id, String organizationId, String displayName, String role,
                             List<String> teamIds, boolean active, Long version) implements TenantOwned {

    public static final String COLLECTION = "people";

    public List<String> teamIds() {
        return teamIds == null ? List.of() : teamIds;
    }
}
