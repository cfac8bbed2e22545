package com.cycube.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.provisioning.LabSchedule;
import com.cycube.labs.remoteaccess.GuacamoleRemoteAccess;
import com.cycube.labs.remoteaccess.RemoteAccess;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.labs.vm.Ec2VmProvider;
import com.cycube.labs.vm.VmProvider;
import com.cycube.testing.SubgraphTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The production wiring: {@code provider=ec2} and {@code remote-access=guacamole} select the real adapters, the
 * scheduled driver is on (here with an interval long enough never to tick during the test), and demo data seeds
 * the two templates the catalog's LAB cubes name.
 */
@SubgraphTest
@TestPropertySource(properties = {"cycube.labs.provider=ec2", "cycube.labs.remote-access=guacamole",
        "cycube.labs.ec2.endpoint=http://127.0.0.1:9", "cycube.labs.ec2.access-key-id=AKIDEXAMPLE",
        "cycube.labs.ec2.secret-access-key=secret", "cycube.labs.driver.enabled=true", "cycube.labs.driver.interval=1h",
        "cycube.demo-data.enabled=true"})
class ConfigurationWiringTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Test
    void ec2_guacamole_the_scheduled_driver_and_the_demo_templates_are_wired_from_properties() {
        assertThat(context.getBean(VmProvider.class)).isInstanceOf(Ec2VmProvider.class);
        assertThat(context.getBean(RemoteAccess.class)).isInstanceOf(GuacamoleRemoteAccess.class);
        assertThat(context.getBeansOfType(LabSchedule.class)).hasSize(1);
        assertThat(mongo.findAll(LabTemplateDocument.class)).extracting(LabTemplateDocument::id)
                .containsExactlyInAnyOrder("tmpl-kali-ssh", "tmpl-windows-rdp");
        // the catalog's demo LAB cubes run these templates: each has objectives, so the demo journey can complete
        assertThat(mongo.findAll(LabTemplateDocument.class)).allSatisfy(template -> assertThat(template.objectives()).hasSize(2));
    }
}
