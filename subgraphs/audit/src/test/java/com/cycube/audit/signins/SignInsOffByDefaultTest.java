package com.cycube.audit.signins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Without Keycloak's address the subgraph reads no events (a stack without Keycloak, audit's other tests), and it
 * still learns each user's organization from identity's {@code UserChanged} snapshots, the newest kept.
 */
class SignInsOffByDefaultTest extends AuditIntegrationTest {

    @Autowired
    KeycloakEventsPoller poller;

    @Autowired
    SignInDirectoryStore directory;

    @Test
    void without_a_base_url_nothing_is_read() {
        assertThat(poller.active()).isFalse();
        assertThat(poller.poll()).isEmpty();
    }

    @Test
    void a_users_organization_is_the_newest_snapshots_and_otherwise_that_of_their_records() {
        String user = "user-moved";
        eventLog.append(DomainEvent.of(GLOBEX, now(), new UserChanged(user, null, "TRAINEE", List.of(), true, 2L, null)));
        eventLog.append(DomainEvent.of(ACME, now(), new UserChanged(user, null, "TRAINEE", List.of(), true, 1L, null)));
        eventLog.append(DomainEvent.of(null, now(), new UserChanged("root-2", null, "ROOT", List.of(), true, 1L, null)));
        drain();

        assertThat(directory.membership(user)).hasValue(new SignInDirectoryStore.Membership(GLOBEX));
        assertThat(directory.membership("root-2")).hasValue(new SignInDirectoryStore.Membership(null));
        assertThat(directory.membership("never-seen")).isEmpty();

        send(record(ACME, Persona.ACME_TRAINEE.subject(), "mutation.startCourse", "SUCCESS"));
        drain();
        assertThat(directory.membership(Persona.ACME_TRAINEE.subject()))
                .hasValue(new SignInDirectoryStore.Membership(ACME));
    }
}
