package com.cycube.assessment.demo;

import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.questions.AnswerKey;
import com.cycube.assessment.questions.FlagHasher;
import com.cycube.assessment.questions.QuestionDocument;
import com.cycube.assessment.questions.QuestionDocument.HintDefinition;
import com.cycube.assessment.questions.QuestionDocument.Option;
import com.cycube.assessment.questions.QuestionKind;
import java.time.Instant;
import java.util.Date;
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
 * The local demo questions ({@code cycube.demo-data.enabled=true}) for the catalog's demo QUIZ cubes and the Linux
 * triage LAB cube (its FLAG question's flag is in the module README). Also the facts of those cubes, as
 * {@code catalog.CoursePublished} brings them, inserted only when missing, so the demo questions resolve even before
 * the catalog's demo events have arrived; the events (same or newer version) then keep them current.
 * Upserts by fixed ids that only set fields on insert: restarts are harmless and edits made through the API are
 * kept. Seeding spans tenants and global data — no request, no caller — hence MongoTemplate.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "cycube.demo-data.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String ACME = "org-acme";
    public static final String ROOT = "00000000-0000-4000-8000-000000000001";
    public static final String ACME_MANAGER = "00000000-0000-4000-8000-000000000011";

    public static final String PHISHING_QUIZ = "cube-phishing-spot-quiz";
    public static final String LINUX_QUIZ = "cube-linux-shell-quiz";
    public static final String LINUX_TRIAGE_LAB = "cube-linux-triage-lab";
    public static final String WEBAPP_AUTH_QUIZ = "cube-webapp-auth-quiz";
    public static final String ACME_IR_QUIZ = "cube-acme-ir-quiz";

    /** The demo flag of {@link #LINUX_TRIAGE_LAB} (documented in the README so a local user can walk the journey). */
    public static final String DEMO_FLAG = "CYCUBE{grep-the-auth-log}";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Instant SEEDED = Instant.parse("2026-01-05T09:00:00Z");

    private final MongoTemplate mongo;
    private final FlagHasher flags;

    public DemoData(MongoTemplate mongo, FlagHasher flags) {
        this.mongo = mongo;
        this.flags = flags;
    }

    @Override
    public void run(ApplicationArguments args) {
        cube(PHISHING_QUIZ, null, "course-phishing", "Phishing Defense Fundamentals", "QUIZ");
        cube(LINUX_QUIZ, null, "course-linux", "Linux Command Line for Defenders", "QUIZ");
        cube(LINUX_TRIAGE_LAB, null, "course-linux", "Linux Command Line for Defenders", "LAB");
        cube(WEBAPP_AUTH_QUIZ, null, "course-webapp", "Web Application Attacks", "QUIZ");
        cube(ACME_IR_QUIZ, ACME, "course-acme-ir", "Acme Incident Response Playbook", "QUIZ");

        choice("q-phishing-urgency", null, PHISHING_QUIZ, 0, QuestionKind.SINGLE_CHOICE,
                "An email says your account will be closed in 24 hours unless you log in through its link. What is the best first step?",
                List.of("Click the link and log in quickly", "Report the message with the Report phishing button",
                        "Reply and ask whether it is genuine", "Forward it to colleagues as a warning"), List.of(1),
                List.of(new HintDefinition("h-phishing-urgency", "Never interact with the message itself.", 3)));
        choice("q-phishing-tells", null, PHISHING_QUIZ, 1, QuestionKind.MULTIPLE_CHOICE,
                "Which of these are typical tells of a phishing email? Pick all that apply.",
                List.of("A sender domain that almost matches yours", "Urgency and threats",
                        "A link whose text and target differ", "A message from a colleague you met yesterday"),
                List.of(0, 1, 2), List.of());
        choice("q-linux-pwd", null, LINUX_QUIZ, 0, QuestionKind.SINGLE_CHOICE,
                "Which command prints the directory you are in?", List.of("ls -la", "pwd", "cd ~", "whoami"), List.of(1),
                List.of());
        numeric("q-linux-port", null, LINUX_QUIZ, 1, "On which TCP port does SSH listen by default?", 22, 0);
        flag("q-linux-triage-flag", null, LINUX_TRIAGE_LAB, 0,
                "Find the attacker's flag on the compromised host (it is in a file the attacker left in /tmp) and submit it.",
                List.of(new HintDefinition("h-linux-triage-flag", "Try: grep -ri cycube /tmp", 5)));
        choice("q-webapp-mfa", null, WEBAPP_AUTH_QUIZ, 0, QuestionKind.SINGLE_CHOICE,
                "Which control defeats credential stuffing even when the password is right?",
                List.of("Longer session timeouts", "Multi-factor authentication", "HTTPS", "A CAPTCHA on the home page"),
                List.of(1), List.of());
        choice("q-acme-sev1", ACME, ACME_IR_QUIZ, 0, QuestionKind.SINGLE_CHOICE,
                "Customer data is at risk. Whom do you contact first at Acme?",
                List.of("The on-call security lead (page immediately)", "The SOC queue, within 15 minutes",
                        "Nobody: note it in the daily SOC report"), List.of(0), List.of());
        freeText("q-acme-containment", ACME, ACME_IR_QUIZ, 1,
                "In two or three sentences: why do we isolate an infected workstation instead of powering it off?");
        log.info("Assessment demo data present");
    }

    private void cube(String cubeId, String organizationId, String courseId, String courseTitle, String kind) {
        Update update = new Update().setOnInsert("organizationId", organizationId).setOnInsert("courseId", courseId)
                .setOnInsert("courseTitle", courseTitle).setOnInsert("courseVersion", 1).setOnInsert("kind", kind)
                .setOnInsert("publishedAt", Date.from(SEEDED));
        mongo.upsert(Query.query(Criteria.where("_id").is(cubeId)), update, CubeFactDocument.class);
    }

    private void choice(String id, String organizationId, String cubeId, int position, QuestionKind kind, String prompt,
                        List<String> options, List<Integer> correct, List<HintDefinition> hints) {
        List<Option> choices = new java.util.ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            choices.add(new Option(id + "-o" + (i + 1), options.get(i)));
        }
        List<String> correctIds = correct.stream().map(i -> choices.get(i).id()).toList();
        question(id, organizationId, cubeId, position, kind, prompt, choices, 10, 3, hints,
                AnswerKey.choices(correctIds));
    }

    private void numeric(String id, String organizationId, String cubeId, int position, String prompt, double answer,
                         double tolerance) {
        question(id, organizationId, cubeId, position, QuestionKind.NUMERIC, prompt, List.of(), 10, 3, List.of(),
                AnswerKey.numeric(answer, tolerance));
    }

    private void flag(String id, String organizationId, String cubeId, int position, String prompt, List<HintDefinition> hints) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), QuestionDocument.class)) {
            return; // hashing is not free; the stored flag stays
        }
        question(id, organizationId, cubeId, position, QuestionKind.FLAG, prompt, List.of(), 20, 10, hints,
                flags.keyFor(DEMO_FLAG, true));
    }

    private void freeText(String id, String organizationId, String cubeId, int position, String prompt) {
        question(id, organizationId, cubeId, position, QuestionKind.FREE_TEXT, prompt, List.of(), 10, 2, List.of(),
                AnswerKey.NONE);
    }

    private void question(String id, String organizationId, String cubeId, int position, QuestionKind kind, String prompt,
                          List<Option> options, int points, int maxAttempts, List<HintDefinition> hints, AnswerKey key) {
        String author = organizationId == null ? ROOT : ACME_MANAGER;
        Update update = new Update().setOnInsert("organizationId", organizationId).setOnInsert("cubeId", cubeId)
                .setOnInsert("kind", kind).setOnInsert("prompt", prompt).setOnInsert("options", options)
                .setOnInsert("points", points).setOnInsert("maxAttempts", maxAttempts).setOnInsert("hints", hints)
                .setOnInsert("position", position).setOnInsert("archived", false).setOnInsert("key", key)
                .setOnInsert("authorId", author).setOnInsert("createdAt", SEEDED).setOnInsert("updatedAt", SEEDED);
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, QuestionDocument.class);
    }
}
