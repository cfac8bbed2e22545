package com.cycube.identity.users;

import com.cycube.identity.Names;
import com.cycube.support.auth.Caller;
import java.util.Optional;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** A person's own profile: display name and preferred locale. Validated before anything is written. */
@Service
public class ProfileService {

    private final UserProvisioning provisioning;
    private final UserWrites writes;

    public ProfileService(UserProvisioning provisioning, UserWrites writes) {
        this.provisioning = provisioning;
        this.writes = writes;
    }

    public UserDocument updateProfile(Caller caller, String displayName, String locale) {
        UserDocument me = provisioning.currentUser(caller);
        String validName = displayName == null ? null : Names.require(displayName, "displayName");
        String validLocale = locale == null ? null : LanguageTags.normalize(locale);
        if (validName == null && validLocale == null) {
            return me;
        }
        return writes.change(caller, me.id(), current -> {
            Update update = new Update();
            if (validName != null) {
                update.set("displayName", validName);
            }
            if (validLocale != null) {
                update.set("locale", validLocale);
            }
            return Optional.of(new UserWrites.Change(update, current.withProfile(current.email(),
                    validName != null ? validName : current.displayName(),
                    validLocale != null ? validLocale : current.locale())));
        });
    }
}
