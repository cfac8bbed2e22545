package com.cycube.catalog.demo;

import com.cycube.catalog.courses.CourseContent;
import com.cycube.catalog.courses.CourseDocument;
import com.cycube.catalog.courses.CourseLevel;
import com.cycube.catalog.courses.CourseStatus;
import com.cycube.catalog.courses.CourseSummary;
import com.cycube.catalog.courses.CourseVersionDocument;
import com.cycube.catalog.courses.CubeContent;
import com.cycube.catalog.courses.CubeKind;
import com.cycube.catalog.courses.ModuleContent;
import com.cycube.catalog.events.CatalogEvents;
import com.cycube.catalog.paths.LearningPathDocument;
import com.cycube.catalog.skills.SkillDocument;
import com.cycube.catalog.skills.SkillFramework;
import com.cycube.catalog.skills.SkillStore;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The local demo catalog ({@code cycube.demo-data.enabled=true}): skills, three global published courses by
 * root, one Acme-private published course by Acme's manager, one global draft, and the "SOC Analyst
 * Foundations" path. Fixed ids; each document is inserted only when missing, so restarts are harmless and
 * changes made through the API to demo content are kept. It writes with {@link MongoTemplate} directly because
 * seeding spans tenants and global data — no request, no caller.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "cycube.demo-data.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String ROOT = "00000000-0000-4000-8000-000000000001";
    public static final String ACME_MANAGER = "00000000-0000-4000-8000-000000000011";
    public static final String ACME = "org-acme";

    public static final String PHISHING = "course-phishing";
    public static final String LINUX = "course-linux";
    public static final String WEBAPP = "course-webapp";
    public static final String ACME_IR = "course-acme-ir";
    public static final String RANSOMWARE_DRAFT = "course-ransomware-draft";
    public static final String SOC_PATH = "path-soc";

    public static final String NICE_CYBER_DEFENSE_ANALYST = "skill-nice-pr-cda-001";
    public static final String NICE_INCIDENT_RESPONDER = "skill-nice-pr-cir-001";
    public static final String MITRE_PHISHING = "skill-mitre-t1566";
    public static final String MITRE_COMMAND_INTERPRETER = "skill-mitre-t1059";
    public static final String MITRE_BRUTE_FORCE = "skill-mitre-t1110";
    public static final String MITRE_EXPLOIT_PUBLIC_APP = "skill-mitre-t1190";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Instant SEEDED_AT = Instant.parse("2026-01-05T09:00:00Z");

    private final MongoTemplate mongo;
    private final Clock clock;

    @Autowired
    public DemoData(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public DemoData(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    @Override
    public void run(ApplicationArguments args) {
        skills();
        published(PHISHING, null, ROOT, phishing(), 0);
        published(LINUX, null, ROOT, linux(), 1);
        published(WEBAPP, null, ROOT, webApp(), 2);
        published(ACME_IR, ACME, ACME_MANAGER, acmeIncidentResponse(), 3);
        draft(RANSOMWARE_DRAFT, null, ROOT, ransomwareDraft(), 4);
        LearningPathDocument path = new LearningPathDocument(SOC_PATH, null, ROOT, "SOC Analyst Foundations",
                "Start here to work in a security operations center: spot phishing, then find your way around Linux hosts.",
                List.of(PHISHING, LINUX), CourseStatus.PUBLISHED, 0, 1L, SEEDED_AT, SEEDED_AT, SEEDED_AT);
        insertIfMissing(SOC_PATH, path, "learning_paths", CatalogEvents.learningPathPublished(path.id(), null,
                path.publishedVersion(), path.title(), path.courseIds(), clock.instant()));
        log.info("Catalog demo data present");
    }

    private void skills() {
        insertIfMissing(NICE_CYBER_DEFENSE_ANALYST, new SkillDocument(NICE_CYBER_DEFENSE_ANALYST, SkillFramework.NICE, "PR-CDA-001", "Cyber Defense Analyst"));
        insertIfMissing(NICE_INCIDENT_RESPONDER, new SkillDocument(NICE_INCIDENT_RESPONDER, SkillFramework.NICE, "PR-CIR-001", "Incident Responder"));
        insertIfMissing(MITRE_PHISHING, new SkillDocument(MITRE_PHISHING, SkillFramework.MITRE_ATTACK, "T1566", "Phishing"));
        insertIfMissing(MITRE_COMMAND_INTERPRETER, new SkillDocument(MITRE_COMMAND_INTERPRETER, SkillFramework.MITRE_ATTACK, "T1059", "Command and Scripting Interpreter"));
        insertIfMissing(MITRE_BRUTE_FORCE, new SkillDocument(MITRE_BRUTE_FORCE, SkillFramework.MITRE_ATTACK, "T1110", "Brute Force"));
        insertIfMissing(MITRE_EXPLOIT_PUBLIC_APP, new SkillDocument(MITRE_EXPLOIT_PUBLIC_APP, SkillFramework.MITRE_ATTACK, "T1190", "Exploit Public-Facing Application"));
    }

    /** {@code order}: the demo courses are listed in the order they were (notionally) created. */
    private void published(String id, String organizationId, String authorId, CourseContent content, int order) {
        Instant created = SEEDED_AT.plusSeconds(60L * order);
        insertIfMissing(CourseVersionDocument.idOf(id, 1), new CourseVersionDocument(CourseVersionDocument.idOf(id, 1), id, 1,
                organizationId, content, authorId, created));
        // the head is inserted already published: its insert carries the CoursePublished (with the skills seeded
        // above), so the other subgraphs learn the demo courses (and labs their LAB cubes) from the event log even on
        // an empty store
        insertIfMissing(id, new CourseDocument(id, organizationId, authorId, CourseStatus.PUBLISHED, 1, null, 1, 0, null,
                CourseSummary.of(content), CourseSummary.of(content), content.moduleIds().toList(), content.cubeIds().toList(),
                created, created, created), "courses", CatalogEvents.coursePublished(id, organizationId, 1, content,
                new SkillStore(mongo).byIds(content.skillIds()), clock.instant()));
    }

    private void draft(String id, String organizationId, String authorId, CourseContent content, int order) {
        Instant created = SEEDED_AT.plusSeconds(60L * order);
        insertIfMissing(id, new CourseDocument(id, organizationId, authorId, CourseStatus.DRAFT, null, 1, 1, 0, content,
                null, CourseSummary.of(content), content.moduleIds().toList(), content.cubeIds().toList(),
                created, created, null));
    }

    private void insertIfMissing(String id, Object document) {
        if (mongo.findById(id, document.getClass()) == null) {
            mongo.insert(document);
        }
    }

    private void insertIfMissing(String id, Object document, String collection, DomainEvent event) {
        if (mongo.findById(id, document.getClass()) == null) {
            try {
                Outbox.insert(mongo, document, collection, event);
            } catch (DuplicateKeyException seededMeanwhile) {
                // another instance seeded it first, with its own event
            }
        }
    }

    static CourseContent phishing() {
        return new CourseContent("Phishing Defense Fundamentals",
                "Recognize phishing emails, read their headers and respond to a phishing campaign before credentials leak.",
                CourseLevel.BEGINNER, List.of(MITRE_PHISHING, NICE_CYBER_DEFENSE_ANALYST), List.of(
                new ModuleContent("module-phishing-recognize", "Recognizing Phishing", List.of(
                        reading("cube-phishing-anatomy", "Anatomy of a Phishing Email", 10, """
                                # Anatomy of a phishing email

                                Most phishing emails share a few tells:

                                - **Urgency**: "your account will be closed in 24 hours".
                                - **A sender that almost matches**: `it-support@acme-helpdesk.co` instead of `acme.test`.
                                - **A link whose text and target differ**: hover before you click.
                                - **An unexpected attachment**, often an `.html`, `.iso` or macro-enabled document.

                                When in doubt, report the message with the *Report phishing* button — never reply.
                                """),
                        new CubeContent("cube-phishing-spot-quiz", CubeKind.QUIZ, "Spot the Phish", null, null, 10))),
                new ModuleContent("module-phishing-respond", "Responding to a Phishing Campaign", List.of(
                        reading("cube-phishing-headers", "Reading Email Headers", 15, """
                                # Reading email headers

                                The `Received:` lines are added bottom-up by each mail server: read them from the
                                bottom to trace the real origin. Check `Authentication-Results:` for SPF, DKIM and
                                DMARC verdicts — a `dmarc=fail` on a message claiming to be from your own domain is a
                                strong signal of spoofing.
                                """),
                        new CubeContent("cube-phishing-mailbox-lab", CubeKind.LAB, "Investigate a Phishing Mailbox", null,
                                "tmpl-windows-rdp", 45)))));
    }

    static CourseContent linux() {
        return new CourseContent("Linux Command Line for Defenders",
                "Navigate a Linux host, read its logs and triage a compromise using only the shell.",
                CourseLevel.BEGINNER, List.of(MITRE_COMMAND_INTERPRETER, NICE_CYBER_DEFENSE_ANALYST), List.of(
                new ModuleContent("module-linux-shell", "Shell Basics", List.of(
                        reading("cube-linux-navigation", "Navigating the Filesystem", 10, """
                                # Navigating the filesystem

                                | command | does |
                                |---|---|
                                | `pwd` | where am I? |
                                | `ls -la` | list everything, hidden files too |
                                | `cd /var/log` | go to the logs |
                                | `find / -newer /tmp/marker` | files changed since the marker |
                                """),
                        new CubeContent("cube-linux-shell-quiz", CubeKind.QUIZ, "Shell Basics Quiz", null, null, 5))),
                new ModuleContent("module-linux-logs", "Hunting in Logs", List.of(
                        reading("cube-linux-grep", "Searching Logs with grep", 15, """
                                # Searching logs with grep

                                `grep -i "failed password" /var/log/auth.log | awk '{print $11}' | sort | uniq -c | sort -rn`
                                lists the addresses with the most failed SSH logins — the first step of spotting a
                                brute-force attempt.
                                """),
                        new CubeContent("cube-linux-triage-lab", CubeKind.LAB, "Triage a Compromised Host", null,
                                "tmpl-kali-ssh", 40)))));
    }

    static CourseContent webApp() {
        return new CourseContent("Web Application Attacks",
                "How attackers exploit public-facing web applications — injection and broken authentication — and how to stop them.",
                CourseLevel.INTERMEDIATE, List.of(MITRE_EXPLOIT_PUBLIC_APP, MITRE_BRUTE_FORCE), List.of(
                new ModuleContent("module-webapp-injection", "Injection Attacks", List.of(
                        reading("cube-webapp-sqli", "SQL Injection Explained", 15, """
                                # SQL injection

                                When input is concatenated into a query, `' OR '1'='1` turns a login check into
                                "always true". The fix is not escaping by hand: use **parameterized queries**
                                everywhere, and give the application's database user the least privilege it needs.
                                """),
                        new CubeContent("cube-webapp-sqli-lab", CubeKind.LAB, "Exploit a Vulnerable Login Form", null,
                                "tmpl-kali-ssh", 60))),
                new ModuleContent("module-webapp-auth", "Attacking Authentication", List.of(
                        reading("cube-webapp-bruteforce", "Brute Force and Credential Stuffing", 10, """
                                # Brute force and credential stuffing

                                Brute force guesses many passwords for one account; credential stuffing replays
                                passwords leaked elsewhere. Rate limiting, MFA and breached-password checks defeat both.
                                """),
                        new CubeContent("cube-webapp-auth-quiz", CubeKind.QUIZ, "Authentication Attacks Quiz", null, null, 10)))));
    }

    static CourseContent acmeIncidentResponse() {
        return new CourseContent("Acme Incident Response Playbook",
                "Acme's own playbook: who to call, how to triage and how to contain an incident on Acme systems.",
                CourseLevel.INTERMEDIATE, List.of(NICE_INCIDENT_RESPONDER), List.of(
                new ModuleContent("module-acme-ir-triage", "Triage at Acme", List.of(
                        reading("cube-acme-ir-escalation", "Acme Escalation Matrix", 10, """
                                # Acme escalation matrix

                                1. **Severity 1** (customer data at risk): page the on-call security lead immediately.
                                2. **Severity 2** (a host compromised): open a ticket in the SOC queue within 15 minutes.
                                3. **Severity 3** (suspicious activity): note it in the daily SOC report.
                                """),
                        new CubeContent("cube-acme-ir-quiz", CubeKind.QUIZ, "Escalation Quiz", null, null, 5))),
                new ModuleContent("module-acme-ir-contain", "Containment", List.of(
                        new CubeContent("cube-acme-ir-isolation-lab", CubeKind.LAB, "Isolate an Infected Workstation", null,
                                "tmpl-windows-rdp", 30)))));
    }

    static CourseContent ransomwareDraft() {
        return new CourseContent("Ransomware Response Essentials",
                "Work in progress: what to do in the first hour of a ransomware incident.",
                CourseLevel.ADVANCED, List.of(NICE_INCIDENT_RESPONDER), List.of(
                new ModuleContent("module-ransomware-first-hour", "The First Hour", List.of(
                        reading("cube-ransomware-first-hour", "Isolate, Preserve, Report", 10, """
                                # The first hour

                                Disconnect affected hosts from the network but **do not power them off**: memory holds
                                evidence. Preserve logs, then report to the incident lead.
                                """)))));
    }

    private static CubeContent reading(String id, String title, int minutes, String markdown) {
        return new CubeContent(id, CubeKind.READING, title, markdown, null, minutes);
    }
}
