package com.cycube.analytics;

import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.identity.TeamChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import com.cycube.testing.EventFedSubgraphTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of analytics' HTTP tests ({@link EventFedSubgraphTest}: one shared context, embedded store, a hand-moved clock that starts at the real
 * present — tokens are checked against real time — and only moves forward), events delivered only by {@link #drain()}. Before each test the analytics database and the
 * event log are emptied and the directory every test starts from is delivered as events — exactly how analytics
 * learns it in production:
 * <ul>
 *   <li>Acme (lab quota 5): the trainee in team {@code team-acme-blue}, which sits under {@code team-acme-soc};
 *       another trainee in {@code team-acme-soc}; the manager;</li>
 *   <li>Globex: its trainee in {@code team-globex-red}, its manager;</li>
 *   <li>GLOBAL {@code course-phishing}: read-1 (READING), quiz-1 (QUIZ), lab-1 (LAB); Globex's private
 *       {@code course-globex-secrets}.</li>
 * </ul>
 */
@TestPropertySource(properties = "cycube.analytics.sweep.enabled=false")
public abstract class AnalyticsIntegrationTest extends EventFedSubgraphTest {

    public static final String ACME = Persona.ACME;
    public static final String GLOBEX = Persona.GLOBEX;
    public static final Persona OTHER_ACME_TRAINEE =
            Persona.person("00000000-0000-4000-8000-000000000013", "other@acme.test", "Olga Other", "TRAINEE", ACME);
    public static final Persona ACME_ANALYTICS =
            Persona.integration("acme-bi", ACME, List.of("analytics:read"));


    @BeforeEach
    void startFromTheDirectory() {
        startEmpty();
        append(ACME, new OrganizationChanged(ACME, "Acme", 50, 5, true, nextVersion(ACME)));
        append(GLOBEX, new OrganizationChanged(GLOBEX, "Globex", 50, 3, true, nextVersion(GLOBEX)));
        append(ACME, new TeamChanged("team-acme-soc", "SOC", null, false, nextVersion("team-acme-soc")));
        append(ACME, new TeamChanged("team-acme-blue", "Blue team", "team-acme-soc", false, nextVersion("team-acme-blue")));
        append(GLOBEX, new TeamChanged("team-globex-red", "Red team", null, false, nextVersion("team-globex-red")));
        userChanged(Persona.ACME_TRAINEE, "team-acme-blue");
        userChanged(OTHER_ACME_TRAINEE, "team-acme-soc");
        userChanged(Persona.ACME_MANAGER);
        userChanged(Persona.GLOBEX_TRAINEE, "team-globex-red");
        userChanged(Persona.GLOBEX_MANAGER);
        coursePublished("course-phishing", null, "Spotting phishing", cube("read-1", "READING"), cube("quiz-1", "QUIZ"),
                cube("lab-1", "LAB"));
        coursePublished("course-globex-secrets", GLOBEX, "Globex secrets", cube("gx-read", "READING"));
        drain();
    }

    protected DomainEvent userChanged(Persona persona, String... teamIds) {
        return append(persona.organizationId(), new UserChanged(persona.subject(), persona.name(), persona.role(),
                List.of(teamIds), true, nextVersion(persona.subject()), "ACTIVE"));
    }

    protected static CoursePublished.Cube cube(String id, String kind) {
        return new CoursePublished.Cube(id, "module-1", kind, "LAB".equals(kind) ? "tmpl-kali-ssh" : null, 10, 0);
    }

    protected DomainEvent coursePublished(String courseId, String orgId, String title, CoursePublished.Cube... cubes) {
        List<CoursePublished.Cube> ordered = IntStream.range(0, cubes.length).mapToObj(i -> new CoursePublished.Cube(
                cubes[i].cubeId(), cubes[i].moduleId(), cubes[i].kind(), cubes[i].labTemplateId(),
                cubes[i].estimatedMinutes(), i + 1)).toList();
        return append(orgId, new CoursePublished(courseId, (int) nextVersion(courseId), title,
                orgId == null ? "GLOBAL" : "ORGANIZATION", orgId, ordered,
                List.of(new CoursePublished.Skill("skill-t1566", "MITRE_ATTACK", "T1566", "Phishing"))));
    }
}
