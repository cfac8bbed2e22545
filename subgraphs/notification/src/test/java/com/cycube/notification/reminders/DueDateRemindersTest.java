package com.cycube.notification.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.notification.NotificationIntegrationTest;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Due-date reminders, sent by time: 3 days and 1 day before, then overdue (to the learner and their managers) — each
 * once, also when the process stopped between writing a reminder and recording it; none once the course is completed.
 */
class DueDateRemindersTest extends NotificationIntegrationTest {

    static final String KINDS = "{ notifications(first: 50) { edges { node { kind title } } } }";

    @Autowired
    DueDateReminders reminders;

    private String assignDueIn(Persona learner, Duration left) {
        String enrollment = learner.organizationId() + ":" + learner.subject() + ":course-linux";
        append(learner.organizationId(), new Enrolled(enrollment, learner.subject(), "course-linux", "ASSIGNMENT",
                "assignment-1", null, clock.instant().plus(left), clock.instant()));
        drain();
        return enrollment;
    }

    private List<String> titles(Persona persona) {
        return as(persona, KINDS).assertNoErrors().get("data.notifications.edges[*].node.title");
    }

    private List<String> kinds(Persona persona) {
        return as(persona, KINDS).assertNoErrors().get("data.notifications.edges[*].node.kind");
    }

    @Test
    void a_learner_is_reminded_three_days_and_one_day_before_then_told_with_the_managers_once_it_is_overdue() {
        assignDueIn(Persona.ACME_TRAINEE, Duration.ofHours(60));

        clock.advance(Duration.ofMinutes(1)); // the next tick
        reminders.tick();
        reminders.tick();
        assertThat(titles(Persona.ACME_TRAINEE)).containsExactly("Linux basics is due in 3 days",
                "New training assigned: Linux basics");

        clock.advance(Duration.ofHours(40)); // 20 hours left
        reminders.tick();
        assertThat(titles(Persona.ACME_TRAINEE).get(0)).isEqualTo("Linux basics is due in 20 hours");

        clock.advance(Duration.ofHours(21));
        reminders.tick();
        reminders.tick();
        assertThat(kinds(Persona.ACME_TRAINEE)).containsExactly("OVERDUE", "DUE_SOON", "DUE_SOON", "TRAINING_ASSIGNED");
        assertThat(titles(Persona.ACME_MANAGER)).containsExactly("Adam Trainee is overdue with Linux basics");
        assertThat(kinds(Persona.GLOBEX_MANAGER)).isEmpty();
    }

    @Test
    void a_completion_that_arrives_before_the_assignment_also_means_no_reminders() {
        String enrollment = Persona.ACME + ":" + Persona.ACME_TRAINEE.subject() + ":course-linux";
        append(Persona.ACME, new CourseCompleted(enrollment, Persona.ACME_TRAINEE.subject(), "course-linux",
                "Linux basics", 90.0, clock.instant()));
        drain();
        assignDueIn(Persona.ACME_TRAINEE, Duration.ofDays(2));

        clock.advance(Duration.ofDays(3));
        reminders.tick();

        assertThat(kinds(Persona.ACME_TRAINEE)).containsExactly("TRAINING_ASSIGNED");
        assertThat(kinds(Persona.ACME_MANAGER)).isEmpty();
    }

    @Test
    void a_completed_course_stops_its_reminders() {
        String enrollment = assignDueIn(Persona.ACME_TRAINEE, Duration.ofDays(5));
        append(Persona.ACME, new CourseCompleted(enrollment, Persona.ACME_TRAINEE.subject(), "course-linux",
                "Linux basics", 90.0, clock.instant()));
        drain();

        clock.advance(Duration.ofDays(6));
        reminders.tick();

        assertThat(kinds(Persona.ACME_TRAINEE)).containsExactly("TRAINING_ASSIGNED");
    }

    @Test
    void a_reminder_written_but_not_recorded_before_a_stop_is_not_sent_twice() {
        String enrollment = assignDueIn(Persona.ACME_TRAINEE, Duration.ofHours(10));
        clock.advance(Duration.ofMinutes(1));
        reminders.tick();
        // as if the process stopped after writing the reminders and before recording them as sent
        mongo.updateFirst(Query.query(Criteria.where("_id").is(enrollment)), new Update().set("sent", List.of()),
                DueDateDocument.COLLECTION);

        reminders.tick();

        GraphQlClient.Response inbox = as(Persona.ACME_TRAINEE, KINDS).assertNoErrors();
        assertThat(inbox.<List<String>>get("data.notifications.edges[*].node.kind"))
                .as("one reminder (the 3-day and 1-day leads fall together: the 1-day one says it), once")
                .containsExactly("DUE_SOON", "TRAINING_ASSIGNED");
        assertThat(mongo.findById(enrollment, DueDateDocument.class, DueDateDocument.COLLECTION).sent()).containsExactlyInAnyOrder("DUE_IN_PT72H",
                "DUE_IN_PT24H");
    }
}
