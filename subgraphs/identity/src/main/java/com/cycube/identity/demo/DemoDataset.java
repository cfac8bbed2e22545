package com.cycube.identity.demo;

import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.organizations.OrganizationEvents;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.teams.TeamEvents;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UserEvents;
import com.cycube.identity.users.UserStatus;
import com.cycube.support.auth.Role;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The local demo tenants, users and teams, with the fixed ids of the Keycloak realm export
 * ({@code docs/CONVENTIONS-LOCAL.md}). Seeding inserts each document only when its id is missing,
 * so restarts are harmless and changes made through the API (a renamed team, a deactivated user)
 * are kept; nothing else is touched.
 */
public final class DemoDataset {

    public static final String ACME = "org-acme";
    public static final String GLOBEX = "org-globex";
    public static final String ROOT_ID = "00000000-0000-4000-8000-000000000001";
    public static final String ACME_MANAGER_ID = "00000000-0000-4000-8000-000000000011";
    public static final String ACME_TRAINEE_ID = "00000000-0000-4000-8000-000000000012";
    public static final String GLOBEX_MANAGER_ID = "00000000-0000-4000-8000-000000000021";
    public static final String GLOBEX_TRAINEE_ID = "00000000-0000-4000-8000-000000000022";
    public static final String ACME_SECOPS = "team-acme-secops";
    public static final String ACME_SOC1 = "team-acme-soc1";
    public static final String GLOBEX_RED = "team-globex-red";

    /** A fixed creation time keeps the seed identical on every run. */
    private static final Instant SEEDED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private DemoDataset() {
    }

    /** Seeds with the events' time taken from the system clock. */
    public static void seed(MongoTemplate mongo) {
        seed(mongo, Clock.systemUTC());
    }

    /**
     * Seeds the demo documents that are missing. Organizations, teams and users are inserted together with their
     * {@code OrganizationChanged} / {@code TeamChanged} / {@code UserChanged} snapshot ({@link Outbox#insert}), so the
     * other subgraphs learn the demo tenants, teams and people from the event log even when the local stack starts
     * with an empty store. (A team deleted through the API stays deleted: its tombstone is not missing.)
     */
    public static void seed(MongoTemplate mongo, Clock clock) {
        List.of(
                OrganizationDocument.create(ACME, "Acme Corporation", 50, 10, SEEDED_AT),
                OrganizationDocument.create(GLOBEX, "Globex", 25, 5, SEEDED_AT)
        ).forEach(organization -> insertIfMissing(mongo, organization.id(), organization, OrganizationDocument.COLLECTION,
                OrganizationEvents.changed(organization, clock.instant())));
        List.of(
                TeamDocument.create(ACME_SECOPS, ACME, "Security Operations", null, SEEDED_AT),
                TeamDocument.create(ACME_SOC1, ACME, "SOC Tier 1", ACME_SECOPS, SEEDED_AT),
                TeamDocument.create(GLOBEX_RED, GLOBEX, "Red Team", null, SEEDED_AT)
        ).forEach(team -> insertIfMissing(mongo, team.id(), team, TeamDocument.COLLECTION,
                TeamEvents.changed(team, clock.instant())));
        List.of(
                user(ROOT_ID, null, "root@cycube.local", "Platform Root", Role.ROOT, List.of()),
                user(ACME_MANAGER_ID, ACME, "manager@acme.test", "Alice Manager", Role.MANAGER, List.of(ACME_SOC1)),
                user(ACME_TRAINEE_ID, ACME, "trainee@acme.test", "Adam Trainee", Role.TRAINEE, List.of(ACME_SOC1)),
                user(GLOBEX_MANAGER_ID, GLOBEX, "manager@globex.test", "Gina Manager", Role.MANAGER, List.of()),
                user(GLOBEX_TRAINEE_ID, GLOBEX, "trainee@globex.test", "Greg Trainee", Role.TRAINEE, List.of(GLOBEX_RED))
        ).forEach(user -> insertIfMissing(mongo, user.id(), user, UserDocument.COLLECTION,
                UserEvents.written(null, user, clock.instant())));
    }

    private static void insertIfMissing(MongoTemplate mongo, String id, Object document, String collection, DomainEvent... events) {
        if (mongo.findById(id, document.getClass()) == null) {
            try {
                Outbox.insert(mongo, document, collection, events);
            } catch (DuplicateKeyException seededMeanwhile) {
                // another instance seeded it first, with its own event
            }
        }
    }

    private static UserDocument user(String id, String organizationId, String email, String name, Role role, List<String> teams) {
        return new UserDocument(id, organizationId, email, name, "en", role, UserStatus.ACTIVE, teams, SEEDED_AT, null, 1L);
    }
}
