package com.cycube.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.cycube.identity.IdentityIntegrationTest;
import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.users.UserDocument;
import com.cycube.testing.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The local demo data: the realm's seed users, their organizations and teams. */
class DemoDataTest extends IdentityIntegrationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(MongoTemplate.class, () -> mock(MongoTemplate.class))
            .withUserConfiguration(DemoData.class);

    @Test
    void seeding_twice_leaves_exactly_the_demo_documents() {
        DemoDataset.seed(mongo);
        DemoDataset.seed(mongo);

        assertThat(mongo.count(new Query(), OrganizationDocument.class)).isEqualTo(2);
        assertThat(mongo.count(new Query(), UserDocument.class)).isEqualTo(5);
        assertThat(mongo.count(new Query(), TeamDocument.class)).isEqualTo(3);
    }

    @Test
    void seed_users_match_the_keycloak_realm_personas() {
        for (Persona persona : new Persona[] {Persona.ROOT, Persona.ACME_MANAGER, Persona.ACME_TRAINEE, Persona.GLOBEX_MANAGER, Persona.GLOBEX_TRAINEE}) {
            UserDocument user = storedUser(persona.subject());
            assertThat(user.email()).isEqualTo(persona.email());
            assertThat(user.displayName()).isEqualTo(persona.name());
            assertThat(user.role().name()).isEqualTo(persona.role());
            assertThat(user.organizationId()).isEqualTo(persona.organizationId());
        }
        assertThat(storedTeam(DemoDataset.ACME_SOC1).parentId()).isEqualTo(DemoDataset.ACME_SECOPS);
        assertThat(storedOrganization(DemoDataset.GLOBEX).seatLimit()).isEqualTo(25);
    }

    @Test
    void demo_data_is_seeded_only_when_enabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(DemoData.class));
        runner.withPropertyValues("cycube.demo-data.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(DemoData.class);
            context.getBean(DemoData.class).run(null);
            verify(context.getBean(MongoTemplate.class), atLeastOnce()).save(any(UserDocument.class));
        });
    }
}
