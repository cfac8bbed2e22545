package com.cycube.training.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.events.DomainEvent;
import com.cycube.testing.Persona;
import com.cycube.training.TrainingIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * identity.UserChanged / identity.OrganizationChanged are snapshots numbered per user / organization ({@code version}):
 * the highest version is kept whatever the order of arrival and whatever their {@code occurredAt} says; snapshots
 * without a version (older producers) are still ordered by {@code occurredAt}.
 */
class IdentitySnapshotOrderTest extends TrainingIntegrationTest {

    private static final String USER = Persona.ACME_TRAINEE.subject();

    private Instant at;

    private DomainEvent userSnapshot(Long version, Instant occurredAt, String displayName, String... teamIds) {
        Document payload = new Document("userId", USER).append("displayName", displayName).append("role", "TRAINEE")
                .append("teamIds", List.of(teamIds)).append("active", true);
        if (version != null) {
            payload.append("version", version);
        }
        DomainEvent event = new DomainEvent(UUID.randomUUID().toString(), "identity.UserChanged", ACME, "identity",
                occurredAt, payload);
        eventLog.append(event);
        drain();
        return event;
    }

    private void organizationSnapshot(Long version, Instant occurredAt, int seatLimit) {
        Document payload = new Document("organizationId", ACME).append("name", "Acme").append("seatLimit", seatLimit)
                .append("labQuota", 5).append("active", true);
        if (version != null) {
            payload.append("version", version);
        }
        eventLog.append(new DomainEvent(UUID.randomUUID().toString(), "identity.OrganizationChanged", ACME, "identity",
                occurredAt, payload));
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
        userSnapshot(null, at, "Unversioned", SOC1);
        userSnapshot(1L, at, "First numbered", "team-acme-secops");

        assertThat(person().displayName()).isEqualTo("First numbered");
        assertThat(person().version()).isEqualTo(1L);
    }

    @Test
    void snapshots_without_a_version_still_keep_the_newest_occurred_at() {
        userSnapshot(null, at, "Newer", SOC1);
        userSnapshot(null, at.minusSeconds(1), "Older, arriving late", "team-acme-secops");
        assertThat(person().displayName()).isEqualTo("Newer");

        userSnapshot(null, at.plusSeconds(1), "Newest", "team-acme-secops");
        assertThat(person().displayName()).isEqualTo("Newest");
        assertThat(person().teamIds()).containsExactly("team-acme-secops");
        assertThat(person().version()).isNull();
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
        eventLog.append(new DomainEvent("again-" + event.eventId(), event.type(), event.orgId(), "identity",
                event.occurredAt(), event.payload()));
        drain();

        assertThat(person().displayName()).isEqualTo("Version four");
        assertThat(person().version()).isEqualTo(4L);
        assertThat(eventLog.backlog("training.identity")).isZero();
    }
}
