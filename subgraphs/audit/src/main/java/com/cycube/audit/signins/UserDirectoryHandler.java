package com.cycube.audit.signins;

import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Learns each user's organization from identity's {@code UserChanged} snapshots (the event's organization), so that a
 * Keycloak sign-in of theirs goes to their organization's chain — without giving the Keycloak reader client any right
 * to read users.
 */
@Component
public class UserDirectoryHandler implements EventHandler {

    private final SignInDirectoryStore directory;

    public UserDirectoryHandler(SignInDirectoryStore directory) {
        this.directory = directory;
    }

    @Override
    public String group() {
        return "audit.users";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(UserChanged.class);
    }

    @Override
    public void handle(DomainEvent event) {
        UserChanged user = event.payloadAs(UserChanged.class);
        directory.remember(user.userId(), event.orgId(), user.versionOrZero());
    }
}
