package com.cycube.identity.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.identity.IdentityIntegrationTest;
import com.cycube.identity.KeycloakStubs;
import com.cycube.identity.demo.DemoDataset;
import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.users.UserDocument;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.identity.ContactDetailsChanged;
import com.cycube.support.contracts.identity.TeamChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Outbox;
import com.cycube.testclient.GraphQlClient.Response;
import com.cycube.testclient.Persona;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What identity tells the other subgraphs (docs/events.md): every change of an organization produces exactly one
 * {@link OrganizationChanged}, every change of a team exactly one {@link TeamChanged} and every change of a user
 * exactly one {@link UserChanged} snapshot, stored by the very write that makes the change; refused and no-op changes
 * produce none.
 */
class IdentityEventsTest extends IdentityIntegrationTest {

    static final String ORG = EventPayload.typeOf(OrganizationChanged.class);
    static final String USER = EventPayload.typeOf(UserChanged.class);
    static final String TEAM = EventPayload.typeOf(TeamChanged.class);
    static final String CONTACT = EventPayload.typeOf(ContactDetailsChanged.class);

    static final String CREATE_ORG = """
            mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }""";
    static final String QUOTAS = """
            mutation($input: UpdateOrganizationQuotasInput!) { updateOrganizationQuotas(input: $input) { organization { labQuota } } }""";
    static final String RENAME_ORG = """
            mutation($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } } }""";
    static final String SET_ACTIVE = """
            mutation($input: SetOrganizationActiveInput!) { setOrganizationActive(input: $input) { organization { id active } } }""";
    static final String ME = "{ me { id } }";
    static final String PROFILE = """
            mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { displayName } } }""";
    static final String ROLE = """
            mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { user { role } } }""";
    static final String DEACTIVATE = """
            mutation($input: DeactivateMemberInput!) { deactivateMember(input: $input) { user { status } } }""";
    static final String ADD_MEMBER = """
            mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { user { id } } }""";
    static final String REMOVE_MEMBER = """
            mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { user { id } } }""";
    static final String DELETE_TEAM = """
            mutation($input: DeleteTeamInput!) { deleteTeam(input: $input) { deletedTeamId } }""";
    static final String CREATE_TEAM = """
            mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id } } }""";
    static final String RENAME_TEAM = """
            mutation($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } } }""";
    static final String MOVE_TEAM = """
            mutation($input: MoveTeamInput!) { moveTeam(input: $input) { team { id } } }""";
    static final String TEAM_QUERY = """
            query($id: ID!) { team(id: $id) { name } }""";
    static final String INVITE = """
            mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }""";

    // ------------------------------------------------------------------ organizations

    @Test
    void creating_an_organization_emits_its_first_snapshot() {
        List<String> created = new ArrayList<>();
        List<DomainEvent> events = eventsOf(ORG, () -> created.add(as(Persona.ROOT, CREATE_ORG,
                Map.of("input", Map.of("name", "Initech", "seatLimit", 20, "labQuota", 4)))
                .assertNoErrors().get("data.createOrganization.organization.id")));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(created.get(0));
            assertThat(event.source()).isEqualTo("identity");
            assertThat(event.payload()).containsEntry("organizationId", created.get(0)).containsEntry("name", "Initech")
                    .containsEntry("seatLimit", 20).containsEntry("labQuota", 4).containsEntry("active", true);
        });
    }

    @Test
    void a_lab_quota_change_emits_one_snapshot_with_the_new_quota_and_setting_the_same_again_emits_none() {
        List<DomainEvent> events = eventsOf(ORG, () -> as(Persona.ROOT, QUOTAS,
                Map.of("input", Map.of("organizationId", DemoDataset.ACME, "labQuota", 7))).assertNoErrors());
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(DemoDataset.ACME);
            assertThat(event.payload()).containsEntry("labQuota", 7).containsEntry("seatLimit", 50)
                    .containsEntry("name", "Acme Corporation").containsEntry("active", true);
        });

        assertThat(eventsOf(ORG, () -> as(Persona.ROOT, QUOTAS,
                Map.of("input", Map.of("organizationId", DemoDataset.ACME, "labQuota", 7))).assertNoErrors())).isEmpty();
    }

    @Test
    void a_seat_limit_change_and_a_rename_each_emit_one_snapshot() {
        assertThat(eventsOf(ORG, () -> as(Persona.ROOT, QUOTAS,
                Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "seatLimit", 30))).assertNoErrors()))
                .singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("seatLimit", 30).containsEntry("labQuota", 5));
        assertThat(eventsOf(ORG, () -> as(Persona.GLOBEX_MANAGER, RENAME_ORG,
                Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "name", "Globex Corp"))).assertNoErrors()))
                .singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("name", "Globex Corp").containsEntry("seatLimit", 30));
    }

    @Test
    void deactivating_and_reactivating_an_organization_emit_one_snapshot_each() {
        List<DomainEvent> off = eventsOf(ORG, () -> {
            as(Persona.ROOT, SET_ACTIVE, Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "active", false))).assertNoErrors();
            as(Persona.ROOT, SET_ACTIVE, Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "active", false))).assertNoErrors();
        });
        assertThat(off).singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("active", false));
        assertThat(storedOrganization(DemoDataset.GLOBEX).active()).isFalse();

        List<DomainEvent> on = eventsOf(ORG, () -> assertThat(as(Persona.ROOT, SET_ACTIVE,
                Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "active", true))).assertNoErrors()
                .<Boolean>get("data.setOrganizationActive.organization.active")).isTrue());
        assertThat(on).singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("active", true));
    }

    @Test
    void refused_and_invalid_organization_changes_emit_nothing() {
        List<DomainEvent> events = eventsOf(ORG, () -> {
            assertThat(as(Persona.ACME_MANAGER, QUOTAS, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "labQuota", 99)))
                    .errorCodes()).containsExactly("FORBIDDEN");
            assertThat(as(Persona.ROOT, QUOTAS, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "labQuota", -1)))
                    .errorCodes()).containsExactly("BAD_USER_INPUT");
            assertThat(as(Persona.ROOT, QUOTAS, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "seatLimit", 1)))
                    .errorCodes()).containsExactly("CONFLICT");
            assertThat(as(Persona.GLOBEX_MANAGER, RENAME_ORG, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "name", "Mine")))
                    .errorCodes()).containsExactly("NOT_FOUND");
            assertThat(as(Persona.ACME_MANAGER, SET_ACTIVE, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "active", false)))
                    .errorCodes()).containsExactly("FORBIDDEN");
            assertThat(as(Persona.ROOT, CREATE_ORG, Map.of("input", Map.of("name", " ", "seatLimit", 20, "labQuota", 4)))
                    .errorCodes()).containsExactly("BAD_USER_INPUT");
        });
        assertThat(events).isEmpty();
        assertThat(storedOrganization(DemoDataset.ACME).labQuota()).isEqualTo(10);
        assertThat(storedOrganization(DemoDataset.ACME).active()).isTrue();
    }

    @Test
    void organization_snapshots_carry_a_version_that_grows_by_one_with_every_change_whatever_the_clock_says() {
        List<DomainEvent> events = eventsOf(ORG, () -> {
            as(Persona.ROOT, QUOTAS, Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "labQuota", 6))).assertNoErrors();
            as(Persona.ROOT, SET_ACTIVE, Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "active", false))).assertNoErrors();
            as(Persona.ROOT, SET_ACTIVE, Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "active", true))).assertNoErrors();
        });
        // the seed wrote version 1
        assertThat(events).extracting(event -> event.payload().get("version")).containsExactly(2L, 3L, 4L);
        assertThat(events).extracting(event -> event.payload().get("active")).containsExactly(true, false, true);
        assertThat(storedOrganization(DemoDataset.GLOBEX).snapshotVersion()).isEqualTo(4L);
    }

    @Test
    void a_new_organization_starts_at_version_1_and_one_stored_before_versions_existed_continues_at_1() {
        List<DomainEvent> created = eventsOf(ORG, () -> as(Persona.ROOT, CREATE_ORG,
                Map.of("input", Map.of("name", "Initech", "seatLimit", 20, "labQuota", 4))).assertNoErrors());
        assertThat(created).singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("version", 1L));

        mongo.updateFirst(Query.query(Criteria.where("_id").is(DemoDataset.ACME)),
                new org.springframework.data.mongodb.core.query.Update().unset("snapshotVersion"), OrganizationDocument.class);
        assertThat(eventsOf(ORG, () -> as(Persona.ROOT, QUOTAS,
                Map.of("input", Map.of("organizationId", DemoDataset.ACME, "labQuota", 3))).assertNoErrors()))
                .singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("version", 1L));
    }

    // ------------------------------------------------------------------ teams

    @Test
    void creating_a_team_emits_its_first_snapshot_with_its_parent() {
        List<String> created = new ArrayList<>();
        List<DomainEvent> events = eventsOf(TEAM, () -> created.add(as(Persona.ACME_MANAGER, CREATE_TEAM,
                Map.of("input", Map.of("name", "Threat Hunting", "parentId", DemoDataset.ACME_SECOPS)))
                .assertNoErrors().get("data.createTeam.team.id")));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(DemoDataset.ACME);
            assertThat(event.source()).isEqualTo("identity");
            assertThat(event.payloadAs(TeamChanged.class))
                    .isEqualTo(new TeamChanged(created.get(0), "Threat Hunting", DemoDataset.ACME_SECOPS, false, 1));
        });
        assertThat(storedTeam(created.get(0)).snapshotVersion()).isEqualTo(1L);
    }

    @Test
    void renaming_and_moving_a_team_emit_one_snapshot_each_with_a_version_one_higher_and_repeating_them_emits_none() {
        Map<String, Object> toTop = new HashMap<>();
        toTop.put("teamId", DemoDataset.ACME_SOC1);
        toTop.put("parentId", null);
        List<DomainEvent> events = eventsOf(TEAM, () -> {
            as(Persona.ACME_MANAGER, RENAME_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "name", "SOC L1"))).assertNoErrors();
            as(Persona.ACME_MANAGER, RENAME_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "name", "SOC L1"))).assertNoErrors();
            as(Persona.ACME_MANAGER, MOVE_TEAM, Map.of("input", toTop)).assertNoErrors();
            as(Persona.ACME_MANAGER, MOVE_TEAM, Map.of("input", toTop)).assertNoErrors();
            as(Persona.ACME_MANAGER, MOVE_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "parentId", DemoDataset.ACME_SECOPS)))
                    .assertNoErrors();
        });

        // the seed wrote version 1
        assertThat(events).extracting(event -> event.payloadAs(TeamChanged.class)).containsExactly(
                new TeamChanged(DemoDataset.ACME_SOC1, "SOC L1", DemoDataset.ACME_SECOPS, false, 2),
                new TeamChanged(DemoDataset.ACME_SOC1, "SOC L1", null, false, 3),
                new TeamChanged(DemoDataset.ACME_SOC1, "SOC L1", DemoDataset.ACME_SECOPS, false, 4));
        assertThat(events).allSatisfy(event -> assertThat(event.orgId()).isEqualTo(DemoDataset.ACME));
        assertThat(storedTeam(DemoDataset.ACME_SOC1).snapshotVersion()).isEqualTo(4L);
    }

    @Test
    void deleting_a_team_emits_its_last_snapshot_marked_deleted_once_and_the_team_is_gone() {
        List<DomainEvent> events = eventsOf(TEAM, () -> {
            as(Persona.ACME_MANAGER, DELETE_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1))).assertNoErrors();
            assertThat(as(Persona.ACME_MANAGER, DELETE_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1))).errorCodes())
                    .as("deleted already").containsExactly("NOT_FOUND");
            assertThat(as(Persona.ACME_MANAGER, RENAME_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "name", "Back")))
                    .errorCodes()).containsExactly("NOT_FOUND");
        });

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(DemoDataset.ACME);
            assertThat(event.payloadAs(TeamChanged.class))
                    .isEqualTo(new TeamChanged(DemoDataset.ACME_SOC1, "SOC Tier 1", DemoDataset.ACME_SECOPS, true, 2));
        });
        assertThat(as(Persona.ACME_MANAGER, TEAM_QUERY, Map.of("id", DemoDataset.ACME_SOC1)).errorCodes()).containsExactly("NOT_FOUND");
        Document tombstone = mongo.findOne(Query.query(Criteria.where("_id").is(DemoDataset.ACME_SOC1)), Document.class, "teams");
        assertThat(tombstone.getList(Outbox.FIELD, Object.class, List.of())).as("relayed").isEmpty();
        // the parent has no child left: it can be deleted now, with its own last snapshot
        assertThat(eventsOf(TEAM, () -> as(Persona.ACME_MANAGER, DELETE_TEAM,
                Map.of("input", Map.of("teamId", DemoDataset.ACME_SECOPS))).assertNoErrors())).singleElement()
                .satisfies(event -> assertThat(event.payloadAs(TeamChanged.class).deleted()).isTrue());
    }

    @Test
    void refused_and_invalid_team_changes_emit_nothing_and_change_nothing() {
        List<DomainEvent> events = eventsOf(TEAM, () -> {
            assertThat(as(Persona.ACME_TRAINEE, RENAME_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "name", "Mine")))
                    .errorCodes()).containsExactly("FORBIDDEN");
            assertThat(as(Persona.GLOBEX_MANAGER, RENAME_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "name", "Mine")))
                    .errorCodes()).containsExactly("NOT_FOUND");
            assertThat(as(Persona.ACME_MANAGER, RENAME_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "name", " ")))
                    .errorCodes()).containsExactly("BAD_USER_INPUT");
            assertThat(as(Persona.ACME_MANAGER, MOVE_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SECOPS, "parentId", DemoDataset.ACME_SOC1)))
                    .errorCodes()).containsExactly("BAD_USER_INPUT");
            assertThat(as(Persona.ACME_MANAGER, MOVE_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "parentId", DemoDataset.GLOBEX_RED)))
                    .errorCodes()).containsExactly("NOT_FOUND");
            assertThat(as(Persona.ACME_MANAGER, DELETE_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SECOPS)))
                    .errorCodes()).as("it has a child team").containsExactly("CONFLICT");
            assertThat(as(Persona.ACME_MANAGER, CREATE_TEAM, Map.of("input", Map.of("name", "Spies", "parentId", DemoDataset.GLOBEX_RED)))
                    .errorCodes()).containsExactly("NOT_FOUND");
            assertThat(as(Persona.ACME_TRAINEE, CREATE_TEAM, Map.of("input", Map.of("name", "Mine"))).errorCodes())
                    .containsExactly("FORBIDDEN");
        });

        assertThat(events).isEmpty();
        assertThat(storedTeam(DemoDataset.ACME_SOC1)).extracting(TeamDocument::name, TeamDocument::parentId,
                TeamDocument::snapshotVersion).containsExactly("SOC Tier 1", DemoDataset.ACME_SECOPS, 1L);
        assertThat(storedTeam(DemoDataset.ACME_SECOPS).deleted()).isFalse();
        assertThat(mongo.count(new Query(), TeamDocument.class)).isEqualTo(3);
    }

    @Test
    void concurrent_renames_of_one_team_each_emit_one_snapshot_with_a_version_of_its_own() throws Exception {
        List<String> names = List.of("Blue", "Green", "Orange", "Purple");
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Response> responses = new ArrayList<>();
        List<DomainEvent> events;
        try {
            List<Future<Response>> renames = names.stream().map(name -> pool.submit(() -> {
                start.await();
                return as(Persona.ACME_MANAGER, RENAME_TEAM, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "name", name)));
            })).toList();
            events = eventsOf(TEAM, () -> {
                start.countDown();
                for (Future<Response> rename : renames) {
                    try {
                        responses.add(rename.get(10, TimeUnit.SECONDS));
                    } catch (Exception failed) {
                        throw new IllegalStateException(failed);
                    }
                }
            });
        } finally {
            pool.shutdownNow();
        }

        long renamed = responses.stream().filter(response -> !response.hasErrors()).count();
        assertThat(responses).filteredOn(Response::hasErrors).allSatisfy(lost -> assertThat(lost.errorCodes()).containsExactly("CONFLICT"));
        assertThat(events).hasSize((int) renamed);
        assertThat(events).extracting(event -> event.payloadAs(TeamChanged.class).version())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(2, 1 + renamed).boxed().toList());
        TeamChanged newest = events.stream().map(event -> event.payloadAs(TeamChanged.class))
                .max(java.util.Comparator.comparingLong(TeamChanged::version)).orElseThrow();
        assertThat(storedTeam(DemoDataset.ACME_SOC1).name()).as("the newest snapshot is the stored team").isEqualTo(newest.name());
        assertThat(storedTeam(DemoDataset.ACME_SOC1).snapshotVersion()).isEqualTo(newest.version());
    }

    // ------------------------------------------------------------------ users

    @Test
    void user_snapshots_carry_a_version_that_grows_by_one_with_every_change() {
        Map<String, Object> membership = Map.of("teamId", DemoDataset.ACME_SECOPS, "userId", DemoDataset.ACME_TRAINEE_ID);
        List<DomainEvent> events = eventsOf(USER, () -> {
            as(Persona.ACME_MANAGER, ADD_MEMBER, Map.of("input", membership)).assertNoErrors();
            as(Persona.ACME_MANAGER, ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER"))).assertNoErrors();
            as(Persona.ACME_MANAGER, DEACTIVATE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID))).assertNoErrors();
        });
        assertThat(events).extracting(event -> event.payload().get("version")).containsExactly(2L, 3L, 4L);
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).snapshotVersion()).isEqualTo(4L);
    }

    @Test
    void a_user_created_at_first_sign_in_starts_at_version_1() {
        Persona newcomer = Persona.person("00000000-0000-4000-8000-000000000032", "nora@acme.test", "Nora", "TRAINEE", Persona.ACME);
        assertThat(eventsOf(USER, () -> as(newcomer, ME).assertNoErrors())).singleElement()
                .satisfies(event -> assertThat(event.payload()).containsEntry("version", 1L));
    }

    @Test
    void a_person_signing_in_for_the_first_time_is_created_with_one_snapshot_and_later_calls_emit_none() {
        Persona newcomer = Persona.person("00000000-0000-4000-8000-000000000031", "nina@acme.test", "Nina Newcomer", "TRAINEE", Persona.ACME);
        List<DomainEvent> first = eventsOf(USER, () -> as(newcomer, ME).assertNoErrors());
        assertThat(first).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(Persona.ACME);
            assertThat(event.payload()).containsEntry("userId", newcomer.subject()).containsEntry("displayName", "Nina Newcomer")
                    .containsEntry("role", "TRAINEE").containsEntry("teamIds", List.of()).containsEntry("active", true);
        });
        assertThat(eventsOf(USER, () -> as(newcomer, ME).assertNoErrors())).isEmpty();
    }

    @Test
    void a_seeded_user_is_linked_at_first_sign_in_with_exactly_one_snapshot() {
        List<DomainEvent> events = eventsOf(USER, () -> {
            as(Persona.ACME_TRAINEE, ME).assertNoErrors();
            as(Persona.ACME_TRAINEE, ME).assertNoErrors();
        });
        assertThat(events).singleElement().satisfies(event -> assertThat(event.payload())
                .containsEntry("userId", DemoDataset.ACME_TRAINEE_ID).containsEntry("teamIds", List.of(DemoDataset.ACME_SOC1))
                .containsEntry("active", true));
    }

    @Test
    void a_profile_change_emits_the_new_display_name_and_an_invalid_one_emits_nothing() {
        as(Persona.ACME_TRAINEE, ME).assertNoErrors();
        assertThat(eventsOf(USER, () -> as(Persona.ACME_TRAINEE, PROFILE, Map.of("input", Map.of("displayName", "Adam T."))).assertNoErrors()))
                .singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("displayName", "Adam T."));
        assertThat(eventsOf(USER, () -> assertThat(as(Persona.ACME_TRAINEE, PROFILE, Map.of("input", Map.of("locale", "not a tag!"))).errorCodes())
                .containsExactly("BAD_USER_INPUT"))).isEmpty();
    }

    @Test
    void a_new_locale_announces_the_contact_details_to_the_notification_subgraph_with_the_snapshot_version() {
        as(Persona.ACME_TRAINEE, ME).assertNoErrors();
        List<DomainEvent> users = new ArrayList<>();
        List<DomainEvent> contacts = eventsOf(CONTACT, () -> users.addAll(eventsOf(USER,
                () -> as(Persona.ACME_TRAINEE, PROFILE, Map.of("input", Map.of("locale", "de-CH"))).assertNoErrors())));

        assertThat(contacts).singleElement().satisfies(event -> {
            ContactDetailsChanged contact = event.payloadAs(ContactDetailsChanged.class);
            assertThat(contact.userId()).isEqualTo(DemoDataset.ACME_TRAINEE_ID);
            assertThat(contact.email()).isEqualTo("trainee@acme.test");
            assertThat(contact.locale()).isEqualTo("de-CH");
            assertThat(contact.version()).isEqualTo(users.get(0).payloadAs(UserChanged.class).version());
        });
    }

    @Test
    void a_change_that_leaves_address_and_locale_as_they_were_announces_no_contact_details() {
        assertThat(eventsOf(CONTACT, () -> as(Persona.ACME_MANAGER, ROLE, Map.of("input",
                Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER"))).assertNoErrors())).isEmpty();
    }

    @Test
    void an_invitation_announces_where_to_write_to_the_invited_person() {
        assertThat(eventsOf(CONTACT, () -> as(Persona.ACME_MANAGER, INVITE, Map.of("input",
                Map.of("email", "ivy@acme.test", "role", "TRAINEE", "teamIds", List.of(DemoDataset.ACME_SOC1)))).assertNoErrors()))
                .singleElement().satisfies(event -> assertThat(event.payloadAs(ContactDetailsChanged.class).email())
                        .isEqualTo("ivy@acme.test"));
    }

    @Test
    void a_role_change_emits_the_new_role_and_demoting_the_last_manager_emits_nothing() {
        assertThat(eventsOf(USER, () -> as(Persona.ACME_MANAGER, ROLE,
                Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER"))).assertNoErrors()))
                .singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("userId", DemoDataset.ACME_TRAINEE_ID)
                        .containsEntry("role", "MANAGER"));
        assertThat(eventsOf(USER, () -> assertThat(as(Persona.GLOBEX_MANAGER, ROLE,
                Map.of("input", Map.of("userId", DemoDataset.GLOBEX_MANAGER_ID, "role", "TRAINEE"))).errorCodes())
                .containsExactly("CONFLICT"))).isEmpty();
        assertThat(eventsOf(USER, () -> assertThat(as(Persona.ACME_TRAINEE, ROLE,
                Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER"))).errorCodes())
                .containsExactly("FORBIDDEN"))).isEmpty();
    }

    @Test
    void joining_and_leaving_a_team_emit_the_users_resulting_teams_once_each() {
        Map<String, Object> membership = Map.of("teamId", DemoDataset.ACME_SECOPS, "userId", DemoDataset.ACME_TRAINEE_ID);
        List<DomainEvent> joined = eventsOf(USER, () -> {
            as(Persona.ACME_MANAGER, ADD_MEMBER, Map.of("input", membership)).assertNoErrors();
            as(Persona.ACME_MANAGER, ADD_MEMBER, Map.of("input", membership)).assertNoErrors(); // already a member: no change
        });
        assertThat(joined).singleElement().satisfies(event -> assertThat(event.payload())
                .containsEntry("teamIds", List.of(DemoDataset.ACME_SOC1, DemoDataset.ACME_SECOPS)));

        List<DomainEvent> left = eventsOf(USER, () -> as(Persona.ACME_MANAGER, REMOVE_MEMBER, Map.of("input", membership)).assertNoErrors());
        assertThat(left).singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("teamIds", List.of(DemoDataset.ACME_SOC1)));

        assertThat(eventsOf(USER, () -> assertThat(as(Persona.GLOBEX_MANAGER, ADD_MEMBER, Map.of("input", membership)).errorCodes())
                .containsExactly("NOT_FOUND"))).isEmpty();
    }

    @Test
    void deleting_a_team_emits_one_snapshot_per_member_with_their_remaining_teams() {
        mongo.insert(TeamDocument.create("team-acme-tmp", DemoDataset.ACME, "Temporary", null, java.time.Instant.EPOCH));
        as(Persona.ACME_MANAGER, ADD_MEMBER, Map.of("input", Map.of("teamId", "team-acme-tmp", "userId", DemoDataset.ACME_TRAINEE_ID))).assertNoErrors();
        as(Persona.ACME_MANAGER, ADD_MEMBER, Map.of("input", Map.of("teamId", "team-acme-tmp", "userId", DemoDataset.ACME_MANAGER_ID))).assertNoErrors();

        List<DomainEvent> events = eventsOf(USER, () -> as(Persona.ACME_MANAGER, DELETE_TEAM,
                Map.of("input", Map.of("teamId", "team-acme-tmp"))).assertNoErrors());

        assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event.payload()).containsEntry("teamIds", List.of(DemoDataset.ACME_SOC1)));
        assertThat(events).extracting(event -> event.payloadAs(UserChanged.class).userId())
                .containsExactlyInAnyOrder(DemoDataset.ACME_TRAINEE_ID, DemoDataset.ACME_MANAGER_ID);
    }

    @Test
    void deactivating_a_member_emits_them_inactive_once() {
        List<DomainEvent> events = eventsOf(USER, () -> {
            as(Persona.ACME_MANAGER, DEACTIVATE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID))).assertNoErrors();
            as(Persona.ACME_MANAGER, DEACTIVATE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID))).assertNoErrors();
        });
        assertThat(events).singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("active", false)
                .containsEntry("role", "TRAINEE"));
    }

    @Test
    void an_invited_user_is_announced_inactive_with_their_teams_and_without_their_email_address() {
        List<DomainEvent> events = eventsOf(USER, () -> as(Persona.ACME_MANAGER, INVITE, Map.of("input",
                Map.of("email", "ivy@acme.test", "role", "TRAINEE", "teamIds", List.of(DemoDataset.ACME_SOC1)))).assertNoErrors());
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.payload()).containsEntry("userId", KeycloakStubs.NEW_USER_ID).containsEntry("active", false)
                    .containsEntry("teamIds", List.of(DemoDataset.ACME_SOC1));
            assertThat(event.payload().toJson()).doesNotContain("@");
        });
    }

    // ------------------------------------------------------------------ demo data and the outbox

    @Test
    void seeding_an_empty_store_announces_every_demo_organization_team_and_user_and_seeding_again_announces_nothing() {
        for (Class<?> type : new Class<?>[] {UserDocument.class, OrganizationDocument.class, TeamDocument.class}) {
            mongo.remove(new Query(), type);
        }
        List<DomainEvent> organizations = new ArrayList<>();
        List<DomainEvent> teams = new ArrayList<>();
        List<DomainEvent> users = eventsOf(USER, () -> teams.addAll(eventsOf(TEAM,
                () -> organizations.addAll(eventsOf(ORG, () -> DemoDataset.seed(mongo))))));
        assertThat(organizations).extracting(DomainEvent::orgId).containsExactlyInAnyOrder(DemoDataset.ACME, DemoDataset.GLOBEX);
        assertThat(teams).extracting(event -> event.orgId() + " " + event.payloadAs(TeamChanged.class)).containsExactlyInAnyOrder(
                DemoDataset.ACME + " " + new TeamChanged(DemoDataset.ACME_SECOPS, "Security Operations", null, false, 1),
                DemoDataset.ACME + " " + new TeamChanged(DemoDataset.ACME_SOC1, "SOC Tier 1", DemoDataset.ACME_SECOPS, false, 1),
                DemoDataset.GLOBEX + " " + new TeamChanged(DemoDataset.GLOBEX_RED, "Red Team", null, false, 1));
        assertThat(users).extracting(event -> event.payloadAs(UserChanged.class).userId()).containsExactlyInAnyOrder(DemoDataset.ROOT_ID,
                DemoDataset.ACME_MANAGER_ID, DemoDataset.ACME_TRAINEE_ID, DemoDataset.GLOBEX_MANAGER_ID, DemoDataset.GLOBEX_TRAINEE_ID);

        assertThat(eventsOf(USER, () -> DemoDataset.seed(mongo))).isEmpty();
        assertThat(eventsOf(ORG, () -> DemoDataset.seed(mongo))).isEmpty();
        assertThat(eventsOf(TEAM, () -> DemoDataset.seed(mongo))).isEmpty();
    }

    @Test
    void relayed_events_leave_the_outbox_empty_and_the_documents_readable() {
        eventsOf(USER, () -> as(Persona.ACME_MANAGER, ROLE,
                Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER"))).assertNoErrors());
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(DemoDataset.ACME_TRAINEE_ID)), Document.class, "users");
        assertThat(stored.getList(Outbox.FIELD, Object.class, List.of())).isEmpty();
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).role().name()).isEqualTo("MANAGER");
    }

    @Test
    void the_organization_answers_whether_it_is_active() {
        Response response = as(Persona.ACME_MANAGER, "query($id: ID!) { organization(id: $id) { active } }",
                Map.of("id", DemoDataset.ACME)).assertNoErrors();
        assertThat(response.<Boolean>get("data.organization.active")).isTrue();
    }
}
