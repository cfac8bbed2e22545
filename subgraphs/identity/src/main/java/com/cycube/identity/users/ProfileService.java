package com.cycube.identity.users;

import com.cycube.identity.Names;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.tenancy.TenantScopedMongo;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** A person's own profile: display name and preferred locale. Validated before anything is written. */
@Service
public class ProfileService {

    private final UserProvisioning provisioning;
    private final TenantScopedMongo tenants;

    public ProfileService(UserProvisioning provisioning, TenantScopedMongo tenants) {
        this.provisioning = provisioning;
        this.tenants = tenants;
    }

    public UserDocument updateProfile(Caller caller, String displayName, String locale) {
        UserDocument me = provisioning.currentUser(caller);
        Update update = new Update();
        if (displayName != null) {
            update.set("displayName", Names.require(displayName, "displayName"));
        }
        if (locale != null) {
            update.set("locale", LanguageTags.normalize(locale));
        }
        if (update.getUpdateObject().isEmpty()) {
            return me;
        }
        return tenants.update(caller, me.id(), null, update, UserDocument.class)
                .orElseThrow(() -> DomainException.notFound("User", me.id()));
    }
}
