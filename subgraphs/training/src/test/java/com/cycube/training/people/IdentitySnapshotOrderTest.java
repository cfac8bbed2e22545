package com.cycube.training.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import com.cycube.training.TrainingIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * identity.UserChanged / identity.OrganizationChanged are snapshots numbered per user / organization ({@code version}):
 * the highest version is kept whatever the order of arrival and whatever their {@code occurredAt} says (wall clocks
 * never decide). A snapshot stored before identity numbered them counts as version 0; an event without a version
 * does not fit the contract and is never applied.
 */
class IdentitySnapshotOrderTest extends TrainingIntegrationTest {

    private static final String USER = Persona.ACME_TRAINEE.subject();

    @Autowired
    IdentityEventsHandler handler;

    private Instant at;

    private DomainEvent userSnapshot(long version, Instant occurredAt, String displayName, String... teamIds) {
        DomainEvent event = DomainEvent.of(ACME, occurredAt,
                new UserChanged(USER, displayName, "TRAINEE", List.of(teamIds), true, version));
        eventLog.append(event);
        drain();
        return event;
    }

    private void organizationSnapshot(long version, Instant occurredAt, int seatLimit) {
        eventLog.append(DomainEvent.of(ACME, occurredAt, new OrganizationChanged(ACME, "Acme", seatLimit, 5, true, version)));
        drain();
    }

    private PersonDocument person() {
        return mongo.findById(USER, PersonDocument.class);
    }

    private OrganizationDocument organization() {
        return mongo.findById(ACME, OrganizationDocument.class);
    }

    @BeforeEach
    void later() {
        at = nextEventTime().plusSeconds(60); // after every snapshot of the common facts
    }

    @Test
    void a_newer_version_with_an_older_occurred_at_wins() {
        userSnapshot(2L, at, "Version two", SOC1);
        userSnapshot(3L, at.minusSeconds(1), "Version three", "team-acme-secops"); // another identity instance's clock

        assertThat(person().displayName()).isEqualTo("Version three");
        assertThat(person().teamIds()).containsExactly("team-acme-secops");
        assertThat(person().version()).isEqualTo(3L);
    }

    @Test
    void an_older_version_arriving_later_changes_nothing() {
        userSnapshot(5L, at, "Version five", SOC1);
        userSnapshot(4L, at.plusSeconds(1), "Version four", "team-acme-secops"); // redelivered after a retry

        assertThat(person().displayName()).isEqualTo("Version five");
        assertThat(person().teamIds()).containsExactly(SOC1);
        assertThat(person().version()).isEqualTo(5L);
    }

    @Test
    void a_second_write_in_the_same_millisecond_is_kept() {
        userSnapshot(7L, at, "First write", SOC1);
        userSnapshot(8L, at, "Second write, same millisecond", "team-acme-secops");

        assertThat(person().displayName()).isEqualTo("Second write, same millisecond");
        assertThat(person().teamIds()).containsExactly("team-acme-secops");
    }

    @Test
    void a_versioned_snapshot_replaces_one_stored_before_identity_numbered_them() {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(USER)),
                new Update().unset("version").set("displayName", "Unversioned"), PersonDocument.class);

        userSnapshot(1L, at.minusSeconds(3600), "First numbered", "team-acme-secops");

        assertThat(person().displayName()).isEqualTo("First numbered");
        assertThat(person().version()).isEqualTo(1L);
    }

    @Test
    void a_snapshot_from_before_versions_never_beats_a_numbered_one_whatever_its_occurred_at() {
        userSnapshot(2L, at, "Numbered", SOC1);
        DomainEvent valid = DomainEvent.of(ACME, at.plusSeconds(1), new UserChanged(USER, "Unnumbered, newer clock", "TRAINEE",
                List.of("team-acme-secops"), true, 3L));
        Document payload = new Document(valid.payload());
        payload.remove("version");
        DomainEvent unnumbered = new DomainEvent(valid.eventId(), valid.type(), valid.orgId(), "identity", valid.occurredAt(), payload);

        handler.handle(unnumbered); // counts as version 0
        assertThat(person().displayName()).isEqualTo("Numbered");
        assertThat(person().teamIds()).containsExactly(SOC1);
        assertThat(person().version()).isEqualTo(2L);
    }

    @Test
    void organization_snapshots_are_ordered_by_version_too() {
        organizationSnapshot(10L, at, 3);
        organizationSnapshot(11L, at.minusSeconds(1), 7);
        organizationSnapshot(9L, at.plusSeconds(1), 1);

        assertThat(organization().seatLimit()).isEqualTo(7);
        assertThat(organization().version()).isEqualTo(11L);
    }

    @Test
    void the_same_snapshot_delivered_twice_is_applied_once_and_keeps_its_version() {
        DomainEvent event = userSnapshot(4L, at, "Version four", SOC1);
        eventLog.append(DomainEvent.of(event.orgId(), event.occurredAt(), event.payloadAs(UserChanged.class)));
        drain();

        assertThat(person().displayName()).isEqualTo("Version four");
        assertThat(person().version()).isEqualTo(4L);
        assertThat(eventLog.backlog("training.identity")).isZero();
    }
}
