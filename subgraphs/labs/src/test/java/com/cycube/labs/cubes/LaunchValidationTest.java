package com.cycube.labs.cubes;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.mongodb.client.MongoClient;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * launchLab only starts labs for LAB cubes of published courses the caller's organization can see, learned from
 * {@code CoursePublished}; any other cube id is NOT_FOUND, exactly like one that does not exist. The
 * cube decides the template.
 */
class LaunchValidationTest extends LabsIntegrationTest {

    @Autowired
    CoursePublishedHandler handler;

    @Autowired
    MongoClient mongoClient;

    private GraphQlClient.Response launchResponse(Persona persona, Map<String, Object> input) {
        return as(persona, Ops.LAUNCH, Map.of("input", input));
    }

    private long labCount() {
        return mongo.count(new Query(), LabInstanceDocument.class);
    }

    @Test
    void an_unknown_cube_is_not_found_and_stores_nothing() {
        assertThat(launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-nobody-published")).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(labCount()).isZero();
    }

    @Test
    void a_cube_that_is_not_a_lab_cube_is_not_found() {
        assertThat(launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-test-quiz")).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(labCount()).isZero();
    }

    @Test
    void a_lab_cube_of_another_organizations_private_course_is_answered_like_a_missing_one() {
        publishCourse(Persona.ACME, "course-acme-private", 1, List.of(cube("cube-acme-private-lab", "LAB", "tmpl-windows-rdp")));

        String foreign = launchResponse(Persona.GLOBEX_TRAINEE, Map.of("cubeId", "cube-acme-private-lab")).body();
        String missing = launchResponse(Persona.GLOBEX_TRAINEE, Map.of("cubeId", "cube-missing-private-lab")).body();
        assertThat(foreign).contains("NOT_FOUND");
        assertThat(foreign.replace("cube-acme-private-lab", "<id>")).isEqualTo(missing.replace("cube-missing-private-lab", "<id>"));
        assertThat(labCount()).isZero();

        var acme = launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-acme-private-lab")).assertNoErrors();
        assertThat(acme.<String>get("data.launchLab.lab.template.id")).isEqualTo("tmpl-windows-rdp");
    }

    @Test
    void the_cube_decides_the_template_and_a_different_one_is_bad_input() {
        var launched = launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-broken-lab")).assertNoErrors();
        assertThat(launched.<String>get("data.launchLab.lab.template.id")).isEqualTo("tmpl-broken");

        var wrong = launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-1", "templateId", "tmpl-windows-rdp"));
        assertThat(wrong.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(wrong.body()).contains("tmpl-kali-ssh");
        assertThat(labCount()).isEqualTo(1);
    }

    @Test
    void a_newer_version_that_drops_a_lab_cube_or_changes_its_kind_makes_it_unlaunchable_and_a_late_older_one_changes_nothing() {
        publishCourse(null, "course-evolving", 1, List.of(cube("cube-evolving-a", "LAB", "tmpl-kali-ssh"),
                cube("cube-evolving-b", "LAB", "tmpl-kali-ssh")));
        DomainEvent v2 = publishCourse(null, "course-evolving", 2, List.of(cube("cube-evolving-a", "QUIZ", null)));
        assertThat(launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-evolving-a")).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-evolving-b")).errorCodes()).containsExactly("NOT_FOUND");

        publishCourse(null, "course-evolving", 1, List.of(cube("cube-evolving-a", "LAB", "tmpl-kali-ssh"),
                cube("cube-evolving-b", "LAB", "tmpl-kali-ssh"))); // v1 delivered again, late
        handler.handle(v2); // and v2 redelivered
        assertThat(launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-evolving-a")).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-evolving-b")).errorCodes()).containsExactly("NOT_FOUND");

        publishCourse(null, "course-evolving", 3, List.of(cube("cube-evolving-b", "LAB", "tmpl-windows-rdp")));
        assertThat(launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-evolving-b")).assertNoErrors()
                .<String>get("data.launchLab.lab.template.id")).isEqualTo("tmpl-windows-rdp");
    }

    @Test
    void a_course_published_before_labs_ever_subscribed_is_learned_when_labs_starts() {
        // what the log holds when the catalog announced its demo courses before labs first started: an event
        // pending for no consumer group of labs
        DomainEvent early = coursePublished(null, "course-early", 1, List.of(cube("cube-early-lab", "LAB", "tmpl-kali-ssh")),
                clock.instant());
        new MongoTemplate(mongoClient, "cycube-events").insert(new Document("_id", early.eventId())
                .append("type", early.type()).append("orgId", null).append("source", "catalog")
                .append("occurredAt", Date.from(early.occurredAt())).append("pendingFor", List.of())
                .append("payload", early.payload()), "events");
        events.drain();
        assertThat(launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-early-lab")).errorCodes()).containsExactly("NOT_FOUND");

        // labs' first start: its consumer group subscribes for the first time and is given the history
        new MongoTemplate(mongoClient, "cycube-events").remove(Query.query(Criteria.where("_id").is(handler.group())),
                "subscriptions");
        eventLog.subscribe(handler.group(), handler.eventTypes(), "labs");
        events.drain();
        launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-early-lab")).assertNoErrors();
    }

    @Test
    void another_organizations_course_cannot_take_over_a_cube_id_it_does_not_own() {
        publishCourse(Persona.GLOBEX, "course-globex-copycat", 1, List.of(cube("cube-1", "LAB", "tmpl-windows-rdp")));
        assertThat(launchResponse(Persona.ACME_TRAINEE, Map.of("cubeId", "cube-1")).assertNoErrors()
                .<String>get("data.launchLab.lab.template.id")).isEqualTo("tmpl-kali-ssh");
    }
}
