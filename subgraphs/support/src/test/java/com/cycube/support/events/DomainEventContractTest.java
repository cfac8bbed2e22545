package com.cycube.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.training.CourseCompleted;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class DomainEventContractTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void an_event_takes_its_type_from_its_payload_contract() {
        DomainEvent event = DomainEvent.of("org-acme", NOW, new CourseArchived("course-1"));

        assertThat(event.type()).isEqualTo("catalog.CourseArchived");
        assertThat(event.is(CourseArchived.class)).isTrue();
        assertThat(event.is(CoursePublished.class)).isFalse();
        assertThat(event.orgId()).isEqualTo("org-acme");
    }

    @Test
    void a_payload_is_stored_as_plain_fields_and_read_back_as_its_record() {
        CoursePublished published = new CoursePublished("course-1", 3, "Linux", "GLOBAL", null, List.of(
                new CoursePublished.Cube("cube-1", "module-1", "READING", null, 10, 1),
                new CoursePublished.Cube("cube-2", "module-1", "LAB", "template-1", 30, 2)));

        DomainEvent event = DomainEvent.of(null, NOW, published);

        assertThat(event.payload().getString("title")).isEqualTo("Linux");
        assertThat(event.payload().getList("cubes", Document.class)).element(1)
                .satisfies(cube -> assertThat(cube.getString("labTemplateId")).isEqualTo("template-1"));
        assertThat(event.payloadAs(CoursePublished.class)).isEqualTo(published);
    }

    @Test
    void instants_are_stored_as_dates_and_numbers_of_any_width_are_read() {
        DomainEvent stored = DomainEvent.fromDocument(new Document("_id", "e1").append("type", "training.CourseCompleted")
                .append("occurredAt", Date.from(NOW))
                .append("payload", new Document("enrollmentId", "en-1").append("userId", "u1").append("courseId", "c1")
                        .append("courseTitle", "Linux").append("score", 90).append("completedAt", Date.from(NOW))));

        CourseCompleted completed = stored.payloadAs(CourseCompleted.class);

        assertThat(completed.score()).isEqualTo(90.0);
        assertThat(completed.completedAt()).isEqualTo(NOW);
    }

    @Test
    void reading_an_event_as_another_contract_is_refused() {
        DomainEvent event = DomainEvent.of("org-acme", NOW, new CourseArchived("course-1"));

        assertThatThrownBy(() -> event.payloadAs(CoursePublished.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalog.CourseArchived");
    }

    @Test
    void a_payload_missing_what_the_contract_requires_is_refused_instead_of_applied_half_read() {
        DomainEvent malformed = DomainEvent.untyped("catalog.CoursePublished", null, NOW, Map.of("courseId", "c1"));

        assertThatThrownBy(() -> malformed.payloadAs(CoursePublished.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }

    @Test
    void ids_of_events_made_in_one_millisecond_increase_in_creation_order() {
        DomainEvent first = DomainEvent.of("org-acme", NOW, new CourseArchived("c1"));
        DomainEvent second = DomainEvent.of("org-acme", NOW, new CourseArchived("c2"));

        assertThat(second.eventId()).isGreaterThan(first.eventId());
    }
}
