package com.cycube.notification.preferences;

import com.cycube.notification.inbox.InboxService;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** A person reads and changes their own notification preferences; nobody else's. */
@Service
public class PreferencesService {

    private final PreferenceStore store;

    public PreferencesService(PreferenceStore store) {
        this.store = store;
    }

    public List<NotificationPreference> mine(Caller caller) {
        return store.of(InboxService.personOf(caller));
    }

    public List<NotificationPreference> update(Caller caller, List<NotificationPreference> changes) {
        String userId = InboxService.personOf(caller);
        if (changes == null || changes.isEmpty()) {
            throw DomainException.badInput("Give at least one preference to change");
        }
        Set<Object> kinds = new HashSet<>();
        for (NotificationPreference change : changes) {
            if (change.kind() == null) {
                throw DomainException.badInput("Every preference needs its kind");
            }
            if (!kinds.add(change.kind())) {
                throw DomainException.badInput("The kind " + change.kind() + " is given twice");
            }
        }
        store.save(userId, changes);
        return store.of(userId);
    }
}
