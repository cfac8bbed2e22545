package com.cycube.identity;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.cycube.identity.demo.DemoDataset;
import com.cycube.identity.invitations.InvitationDocument;
import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.users.UserDocument;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventProcessing;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.testing.SubgraphTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of identity's HTTP-level tests: one shared Spring context, the demo tenants seeded fresh
 * before every test, and a WireMock "Keycloak" that accepts every admin call unless a test says otherwise.
 */
@SubgraphTest
@Import(MongoFindCounter.class)
public abstract class IdentityIntegrationTest {

    protected static final WireMockServer KEYCLOAK = new WireMockServer(options().dynamicPort());

    static {
        KEYCLOAK.start();
    }

    @DynamicPropertySource
    static void keycloakAdmin(DynamicPropertyRegistry registry) {
        registry.add("cycube.keycloak.admin.base-url", KEYCLOAK::baseUrl);
        registry.add("cycube.keycloak.admin.client-secret", () -> "test-secret");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected MongoFindCounter finds;

    @Autowired
    protected EventProcessing events;

    @Autowired
    protected EventLog eventLog;

    @BeforeEach
    void freshWorld() {
        for (Class<?> type : new Class<?>[] {UserDocument.class, OrganizationDocument.class, TeamDocument.class, InvitationDocument.class}) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), type);
        }
        DemoDataset.seed(mongo);
        KEYCLOAK.resetAll();
        KeycloakStubs.acceptEverything(KEYCLOAK);
    }

    protected GraphQlClient.Response as(Persona persona, String query, Map<String, ?> variables) {
        return GraphQlClient.forPort(port).as(persona).execute(query, variables);
    }

    protected GraphQlClient.Response as(Persona persona, String query) {
        return as(persona, query, Map.of());
    }

    protected GraphQlClient.Response anonymous(String query, Map<String, ?> variables) {
        return GraphQlClient.forPort(port).anonymous().execute(query, variables);
    }

    /**
     * The events of {@code type} that {@code action} produced: everything pending is relayed first (the demo
     * seed's own events included), then the action runs and its outbox is relayed.
     */
    protected List<DomainEvent> eventsOf(String type, Runnable action) {
        return com.cycube.testing.ProducedEvents.during(events, eventLog, type, action);
    }

    protected UserDocument storedUser(String id) {
        return mongo.findById(id, UserDocument.class);
    }

    protected TeamDocument storedTeam(String id) {
        return mongo.findById(id, TeamDocument.class);
    }

    protected OrganizationDocument storedOrganization(String id) {
        return mongo.findById(id, OrganizationDocument.class);
    }
}
