package com.cycube.labs;

import com.cycube.labs.demo.DemoData;
import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.provisioning.LabReaper;
import com.cycube.labs.provisioning.ProvisioningDriver;
import com.cycube.labs.templates.LabProtocol;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.testing.GraphQlTestClient;
import com.cycube.testing.Persona;
import com.cycube.testing.SubgraphTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of the labs' HTTP tests: one shared context (embedded store, simulated cloud and remote access with a
 * 3 s boot and 2 s shutdown on a hand-moved clock), the scheduled driver off — tests call
 * {@link #driver}{@code .tick()} and {@link #reaper}{@code .tick()} themselves — and before each test only the
 * demo templates plus {@code tmpl-broken} (an image the simulated cloud never boots).
 */
@SubgraphTest
@Import(LabsIntegrationTest.ClockConfig.class)
@TestPropertySource(properties = {"cycube.labs.driver.enabled=false", "cycube.labs.change-stream-enabled=false",
        "cycube.labs.default-quota=3"})
public abstract class LabsIntegrationTest {

    public static final String BROKEN_IMAGE = "ami-00000000deadbeef0";

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected ProvisioningDriver driver;

    @Autowired
    protected LabReaper reaper;

    @Autowired
    private LabsIndexes indexes;

    @BeforeEach
    void onlyTheDemoTemplates() {
        for (String collection : new String[] {"lab_instances", "lab_quotas", "lab_templates"}) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
        }
        indexes.run(null);
        new DemoData(mongo).run(null);
        mongo.insert(new LabTemplateDocument("tmpl-broken", "Never boots", BROKEN_IMAGE, "t3.micro", LabProtocol.VNC, 5901,
                30, 60, Instant.EPOCH, Instant.EPOCH));
    }

    protected GraphQlTestClient.Response as(Persona persona, String query) {
        return as(persona, query, Map.of());
    }

    protected GraphQlTestClient.Response as(Persona persona, String query, Map<String, ?> variables) {
        return GraphQlTestClient.forPort(port).as(persona).execute(query, variables);
    }

    protected GraphQlTestClient.Response anonymous(String query, Map<String, ?> variables) {
        return GraphQlTestClient.forPort(port).anonymous().execute(query, variables);
    }

    /** The error codes of a response; empty when it has none ({@code Response.errorCodes()} fails then). */
    protected static java.util.List<String> codesOf(GraphQlTestClient.Response response) {
        return response.hasErrors() ? response.errorCodes() : java.util.List.of();
    }

    /** Launches a lab as {@code persona} for {@code cubeId} on {@code tmpl-kali-ssh}; returns its id. */
    protected String launch(Persona persona, String cubeId) {
        return launch(persona, cubeId, "tmpl-kali-ssh");
    }

    protected String launch(Persona persona, String cubeId, String templateId) {
        return as(persona, Ops.LAUNCH, Map.of("input", Map.of("cubeId", cubeId, "templateId", templateId)))
                .assertNoErrors().get("data.launchLab.lab.id");
    }

    /** Launches and drives the lab until RUNNING (the simulated VM boots in 3 s). */
    protected String running(Persona persona, String cubeId) {
        String id = launch(persona, cubeId);
        clock.advance(java.time.Duration.ofSeconds(4));
        driver.tick();
        return id;
    }

    protected LabInstanceDocument stored(String id) {
        return mongo.findById(id, LabInstanceDocument.class);
    }
}
