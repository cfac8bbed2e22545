package com.cycube.assessment.certificates;

import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Learns who owns each course from {@code catalog.CoursePublished} ({@link CourseFactStore#learn}), for the
 * certificates issued from it. The owner is the event's tenant: a course never moves to another organization, and a
 * publication in an organization's name never makes it platform content. The highest course {@code version} wins;
 * redeliveries change nothing.
 *
 * <p>Its own consumer group ({@code assessment.courses}, apart from the cubes' {@code assessment.cubes}), so that a
 * deployment is given the history of publications when it first subscribes and knows every course published before
 * it; certificates issued before certificates recorded their course's owner get it then.
 */
@Component
public class CourseFactsHandler implements EventHandler {

    private final CourseFactStore courses;

    public CourseFactsHandler(CourseFactStore courses) {
        this.courses = courses;
    }

    @Override
    public String group() {
        return "assessment.courses";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(CoursePublished.class);
    }

    @Override
    public void handle(DomainEvent event) {
        courses.learn(event.orgId(), event.payloadAs(CoursePublished.class), event.eventId());
    }
}
