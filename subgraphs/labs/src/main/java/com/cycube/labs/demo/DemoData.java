package com.cycube.labs.demo;

import com.cycube.labs.templates.LabObjective;
import com.cycube.labs.templates.LabProtocol;
import com.cycube.labs.templates.LabTemplateDocument;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The local demo lab templates ({@code cycube.demo-data.enabled=true}), the ids the catalog's demo LAB cubes
 * name: {@code tmpl-kali-ssh} and {@code tmpl-windows-rdp}, each with two objectives so that the demo journey
 * (launch, the checker reports the objectives, training completes the cube) works end to end. Inserted only when missing (restarts are harmless,
 * root's edits survive). Templates are global data with no caller here, hence {@link MongoTemplate}.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "cycube.demo-data.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Instant SEEDED = Instant.parse("2026-01-01T00:00:00Z");

    public static final List<LabTemplateDocument> TEMPLATES = List.of(
            new LabTemplateDocument("tmpl-kali-ssh", "Kali Linux attack box (SSH)", "ami-0a1b2c3d4e5f60718", "t3.medium",
                    LabProtocol.SSH, 22, 60, 240, SEEDED, SEEDED, List.of(
                    new LabObjective("shell-on-target", "Open a shell on the target host"),
                    new LabObjective("evidence-found", "Find the attacker's evidence and submit the flag"))),
            new LabTemplateDocument("tmpl-windows-rdp", "Windows Server 2022 analyst desktop (RDP)", "ami-0f1e2d3c4b5a69788",
                    "t3.large", LabProtocol.RDP, 3389, 90, 240, SEEDED, SEEDED, List.of(
                    new LabObjective("artefact-identified", "Identify the malicious artefact on the workstation"),
                    new LabObjective("threat-contained", "Contain the threat: isolate the host or quarantine the file"))));

    private final MongoTemplate mongo;

    public DemoData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        int inserted = 0;
        for (LabTemplateDocument template : TEMPLATES) {
            if (!mongo.exists(Query.query(Criteria.where("_id").is(template.id())), LabTemplateDocument.class)) {
                mongo.insert(template);
                inserted++;
            } else {
                // a demo template stored before templates had objectives gets them (root's own objectives stay)
                mongo.updateFirst(Query.query(Criteria.where("_id").is(template.id()).and("objectives").exists(false)),
                        new Update().set("objectives", template.objectives()), LabTemplateDocument.class);
            }
        }
        log.info("Labs demo data: {} lab templates inserted", inserted);
    }
}
