package com.cycube.labs.cubes;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.labs.instances.LabState;
import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Idempotent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@link CourseArchived}: the LAB cubes of an archived course are no longer launchable (NOT_FOUND, like a
 * missing cube), whatever order the catalog's events arrive in and however often; labs already running keep
 * running. The catalog never changes or republishes an archived course, so no publication — late, or with a higher
 * version stamped by a catalog instance whose clock runs ahead — makes them launchable again.
 */
class CourseArchivedTest extends LabsIntegrationTest {

    private static final String COURSE = "course-archived";
    private static final String LAB_CUBE = "cube-archived-lab";

    @Autowired
    CoursePublishedHandler handler;

    private GraphQlClient.Response launchResponse(Persona persona, String cubeId) {
        return as(persona, Ops.LAUNCH, Map.of("input", Map.of("cubeId", cubeId)));
    }

    private static DomainEvent archived(String organizationId, String courseId, Instant at) {
        return DomainEvent.of(organizationId, at, new CourseArchived(courseId));
    }

    private DomainEvent published(String organizationId, String courseId, int version, Instant at) {
        return coursePublished(organizationId, courseId, version, List.of(cube(LAB_CUBE, "LAB", "tmpl-kali-ssh")), at);
    }

    @Test
    void the_lab_cubes_of_an_archived_course_are_not_found_at_launch_and_running_labs_keep_running() {
        announce(published(Persona.ACME, COURSE, 1, clock.instant()));
        String runningLab = running(Persona.ACME_TRAINEE, LAB_CUBE);

        announce(archived(Persona.ACME, COURSE, clock.instant().plusSeconds(1)));

        String archivedAnswer = launchResponse(Persona.ACME_MANAGER, LAB_CUBE).body();
        String missingAnswer = launchResponse(Persona.ACME_MANAGER, "cube-never-published").body();
        assertThat(archivedAnswer).contains("NOT_FOUND");
        assertThat(archivedAnswer.replace(LAB_CUBE, "<id>")).isEqualTo(missingAnswer.replace("cube-never-published", "<id>"));
        assertThat(stored(runningLab).state()).isEqualTo(LabState.RUNNING);
        // other courses' cubes are untouched
        launch(Persona.ACME_MANAGER, "cube-1");
    }

    @Test
    void a_redelivered_archive_is_applied_once() {
        announce(published(Persona.ACME, COURSE, 1, clock.instant()));
        DomainEvent archive = archived(Persona.ACME, COURSE, clock.instant().plusSeconds(1));
        handler.handle(archive);
        handler.handle(archive);
        announce(archive);

        Document marker = mongo.findById(COURSE, Document.class, CoursePublishedHandler.ARCHIVES);
        assertThat(marker.getList(Idempotent.APPLIED, String.class)).containsExactly(archive.eventId());
        assertThat(marker.getDate("archivedAt").toInstant()).isEqualTo(archive.occurredAt());
        assertThat(marker.getString("organizationId")).isEqualTo(Persona.ACME);
        assertThat(launchResponse(Persona.ACME_TRAINEE, LAB_CUBE).errorCodes()).containsExactly("NOT_FOUND");
    }

    @Test
    void an_archive_delivered_before_the_publication_it_archived_still_wins() {
        Instant publishedAt = clock.instant();
        announce(archived(Persona.ACME, COURSE, publishedAt.plusSeconds(30)));
        announce(published(Persona.ACME, COURSE, 1, publishedAt));

        assertThat(launchResponse(Persona.ACME_TRAINEE, LAB_CUBE).errorCodes()).containsExactly("NOT_FOUND");
    }

    @Test
    void a_higher_version_arriving_after_the_archive_does_not_make_the_cubes_launchable_again() {
        announce(published(Persona.ACME, COURSE, 1, clock.instant()));
        // v2 was published before the archive, but by a catalog instance whose clock ran ahead: it arrives later
        // and carries a later time than the archive
        announce(archived(Persona.ACME, COURSE, clock.instant().plusSeconds(1)));
        clock.advance(Duration.ofMinutes(5));
        announce(published(Persona.ACME, COURSE, 2, clock.instant()));

        assertThat(launchResponse(Persona.ACME_TRAINEE, LAB_CUBE).errorCodes()).containsExactly("NOT_FOUND");
    }

    @Test
    void a_late_publication_of_the_archived_version_stays_archived() {
        announce(published(Persona.ACME, COURSE, 2, clock.instant()));
        announce(archived(Persona.ACME, COURSE, clock.instant().plusSeconds(1)));
        // redelivered under a new id with a later clock: the version says it is not newer than the archived one
        handler.handle(published(Persona.ACME, COURSE, 2, clock.instant().plusSeconds(60)));

        assertThat(launchResponse(Persona.ACME_TRAINEE, LAB_CUBE).errorCodes()).containsExactly("NOT_FOUND");
    }

    @Test
    void an_archive_of_another_organization_never_touches_a_course_it_does_not_own() {
        announce(published(Persona.ACME, COURSE, 1, clock.instant()));
        LabCubeDocument before = mongo.findById(LAB_CUBE, LabCubeDocument.class);

        announce(archived(Persona.GLOBEX, COURSE, clock.instant().plusSeconds(1)));

        LabCubeDocument after = mongo.findById(LAB_CUBE, LabCubeDocument.class);
        assertThat(after).isEqualTo(before);
        assertThat(after.archived()).isNotEqualTo(Boolean.TRUE);
        assertThat(mongo.exists(Query.query(Criteria.where("organizationId").is(Persona.ACME)), CoursePublishedHandler.ARCHIVES))
                .isFalse();
        assertThat(launchResponse(Persona.ACME_TRAINEE, LAB_CUBE).assertNoErrors().<String>get("data.launchLab.lab.cube.id"))
                .isEqualTo(LAB_CUBE);
        // and a later publication of Acme's course is not stored archived either
        announce(published(Persona.ACME, COURSE, 2, clock.instant()));
        assertThat(mongo.findById(LAB_CUBE, LabCubeDocument.class).archived()).isNotEqualTo(Boolean.TRUE);
    }
}
