package com.cycube.identity.users;

import com.cycube.identity.Names;
import com.cycube.support.auth.Caller;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A person's own profile: display name and preferred locale. Validated before anything is written. */
@Service
public class ProfileService {

    private final UserProvisioning provisioning;
    private final UserStore users;

    public ProfileService(UserProvisioning provisioning, UserStore users) {
        this.provisioning = provisioning;
        this.users = users;
    }

    public UserDocument updateProfile(Caller caller, String displayName, String locale) {
        UserDocument me = provisioning.currentUser(caller);
        String validName = displayName == null ? null : Names.require(displayName, "displayName");
        String validLocale = locale == null ? null : LanguageTags.normalize(locale);
        if (validName == null && validLocale == null) {
            return me;
        }
        return users.change(caller, me.id(), current -> Optional.of(current.withProfile(current.email(),
                validName != null ? validName : current.displayName(),
                validLocale != null ? validLocale : current.locale())));
    }
}
