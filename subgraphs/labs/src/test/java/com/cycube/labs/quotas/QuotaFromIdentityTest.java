package com.cycube.labs.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Idempotent;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Identity owns the lab quota: labs follows {@link OrganizationChanged} (the snapshot with the highest version wins,
 * whatever order they arrive in and whatever their clocks say; each applied once) and uses
 * {@code cycube.labs.default-quota} (3 here) until it heard of the organization. {@code setLabQuota} is gone.
 */
class QuotaFromIdentityTest extends LabsIntegrationTest {

    @Autowired
    OrganizationQuotaHandler handler;

    private Map<String, Object> quota(Persona persona) {
        return as(persona, Ops.QUOTA, Map.of()).assertNoErrors().get("data.labQuota");
    }

    @Test
    void until_identity_announces_the_organization_the_default_quota_applies() {
        assertThat(quota(Persona.ACME_MANAGER)).containsEntry("maxConcurrentLabs", 3).containsEntry("isDefault", true);
    }

    @Test
    void the_announced_lab_quota_becomes_the_organizations_limit() {
        organizationChanged(Persona.ACME, 1, true, clock.instant(), 1);

        assertThat(quota(Persona.ACME_MANAGER)).containsEntry("maxConcurrentLabs", 1).containsEntry("isDefault", false);
        assertThat(quota(Persona.GLOBEX_MANAGER)).containsEntry("maxConcurrentLabs", 3).containsEntry("isDefault", true);
        launch(Persona.ACME_TRAINEE, "cube-1");
        assertThat(as(Persona.ACME_TRAINEE, Ops.LAUNCH, Map.of("input", Map.of("cubeId", "cube-2"))).errorCodes())
                .containsExactly("CONFLICT");
    }

    @Test
    void an_older_snapshot_arriving_after_a_newer_one_changes_nothing() {
        Instant earlier = clock.instant();
        Instant later = earlier.plus(Duration.ofMinutes(5));
        organizationChanged(Persona.ACME, 2, true, later, 2);
        organizationChanged(Persona.ACME, 7, true, earlier, 1);
        assertThat(quota(Persona.ACME_MANAGER)).containsEntry("maxConcurrentLabs", 2);

        organizationChanged(Persona.ACME, 9, true, later.plusSeconds(1), 3);
        assertThat(quota(Persona.ACME_MANAGER)).containsEntry("maxConcurrentLabs", 9);
    }

    @Test
    void a_newer_version_with_an_older_occurred_at_is_kept_in_whichever_order_they_arrive() {
        // instance A deactivates at .005; instance B, its clock behind, reactivates at .003 — B's write is the newer
        Instant a = Instant.parse("2026-03-01T10:00:00.005Z");
        Instant b = Instant.parse("2026-03-01T10:00:00.003Z");
        organizationChanged(Persona.ACME, 1, false, a, 2);
        organizationChanged(Persona.ACME, 2, true, b, 3);
        assertThat(quota(Persona.ACME_MANAGER)).containsEntry("maxConcurrentLabs", 2);

        organizationChanged(Persona.GLOBEX, 2, true, b, 3);
        organizationChanged(Persona.GLOBEX, 1, false, a, 2); // the older version, delivered last, with the later clock
        assertThat(quota(Persona.GLOBEX_MANAGER)).containsEntry("maxConcurrentLabs", 2);
        launch(Persona.GLOBEX_TRAINEE, "cube-1");
    }

    @Test
    void of_two_snapshots_with_the_same_occurred_at_the_higher_version_wins() {
        Instant same = clock.instant();
        organizationChanged(Persona.ACME, 4, true, same, 5);
        organizationChanged(Persona.ACME, 6, true, same, 6);
        assertThat(quota(Persona.ACME_MANAGER)).containsEntry("maxConcurrentLabs", 6);

        organizationChanged(Persona.GLOBEX, 6, true, same, 6);
        organizationChanged(Persona.GLOBEX, 4, true, same, 5);
        assertThat(quota(Persona.GLOBEX_MANAGER)).containsEntry("maxConcurrentLabs", 6);
    }

    @Test
    void a_snapshot_from_before_versions_counts_as_version_zero_whatever_its_clock_says() {
        Instant later = clock.instant().plusSeconds(60);
        handler.handle(withoutVersion(Persona.ACME, 7, later));
        assertThat(quota(Persona.ACME_MANAGER)).as("nothing newer known: applied").containsEntry("maxConcurrentLabs", 7);

        organizationChanged(Persona.ACME, 2, true, clock.instant(), 1);
        assertThat(quota(Persona.ACME_MANAGER)).containsEntry("maxConcurrentLabs", 2);

        handler.handle(withoutVersion(Persona.ACME, 9, later.plusSeconds(60)));
        assertThat(quota(Persona.ACME_MANAGER)).as("a later clock does not beat a version").containsEntry("maxConcurrentLabs", 2);
    }

    /** An {@code identity.OrganizationChanged} as stored before snapshots had versions. */
    private static DomainEvent withoutVersion(String organizationId, int labQuota, Instant occurredAt) {
        DomainEvent valid = DomainEvent.of(organizationId, occurredAt,
                new OrganizationChanged(organizationId, organizationId, 50, labQuota, true, 1L));
        Document payload = new Document(valid.payload());
        payload.remove("version");
        return new DomainEvent(valid.eventId(), valid.type(), valid.orgId(), "identity", occurredAt, payload);
    }

    @Test
    void a_redelivered_snapshot_is_applied_once() {
        DomainEvent first = organizationChanged(Persona.ACME, 4, true, clock.instant(), 1);
        handler.handle(first);
        handler.handle(first);

        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(Persona.ACME)), Document.class, LabQuotaDocument.COLLECTION);
        assertThat(stored.getList(Idempotent.APPLIED, String.class)).containsExactly(first.eventId());
        assertThat(stored.getInteger("maxConcurrentLabs")).isEqualTo(4);
        assertThat(stored.getString("organizationId")).isEqualTo(Persona.ACME);
    }

    @Test
    void a_deactivated_organization_starts_no_labs_until_it_is_reactivated() {
        organizationChanged(Persona.ACME, 10, false, clock.instant(), 1);
        assertThat(quota(Persona.ACME_MANAGER)).containsEntry("maxConcurrentLabs", 0);
        var refused = as(Persona.ACME_TRAINEE, Ops.LAUNCH, Map.of("input", Map.of("cubeId", "cube-1")));
        assertThat(refused.errorCodes()).containsExactly("CONFLICT");
        assertThat(refused.body()).contains("deactivated");

        organizationChanged(Persona.ACME, 10, true, clock.instant().plusSeconds(1), 2);
        launch(Persona.ACME_TRAINEE, "cube-1");
    }

    @Test
    void an_event_of_one_organization_never_touches_another_organizations_quota() {
        organizationChanged(Persona.GLOBEX, 1, true, clock.instant(), 1);
        // an event claiming Acme's id in its payload but belonging to Globex is scoped by its orgId
        announce(DomainEvent.of(Persona.GLOBEX, clock.instant().plusSeconds(1),
                new OrganizationChanged(Persona.ACME, "Acme", 50, 0, true, 2L)));
        assertThat(quota(Persona.ACME_MANAGER)).containsEntry("isDefault", true);
        assertThat(quota(Persona.GLOBEX_MANAGER)).containsEntry("maxConcurrentLabs", 0);
    }

    @Test
    void the_schema_no_longer_offers_set_lab_quota() {
        List<String> mutations = as(Persona.ROOT, "{ __type(name: \"Mutation\") { fields { name } } }").assertNoErrors()
                .get("data.__type.fields[*].name");
        assertThat(mutations).contains("launchLab", "recordLabObjective").doesNotContain("setLabQuota");
    }
}
