package com.cycube.notification.people;

import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.identity.ContactDetailsChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Keeps the members (and where to write to them) and course titles notifications are addressed to and written with. */
@Component
public class DirectoryEventsHandler implements EventHandler {

    private final DirectoryStore directory;

    public DirectoryEventsHandler(DirectoryStore directory) {
        this.directory = directory;
    }

    @Override
    public String group() {
        return "notification.directory";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(UserChanged.class, ContactDetailsChanged.class, CoursePublished.class);
    }

    @Override
    public void handle(DomainEvent event) {
        if (event.is(UserChanged.class)) {
            UserChanged user = event.payloadAs(UserChanged.class);
            if (event.orgId() == null && !"ROOT".equals(user.role())) {
                return; // a person outside every organization who is not root (none today) is told nothing
            }
            // root has no organization: kept with none, told the platform's security alerts
            directory.person(new PersonDocument(user.userId(), event.orgId(), user.displayName(), user.role(),
                    user.active(), user.versionOrZero()));
        } else if (event.is(ContactDetailsChanged.class)) {
            ContactDetailsChanged contact = event.payloadAs(ContactDetailsChanged.class);
            directory.contact(contact.userId(), contact.version(), contact.email(), contact.locale());
        } else if (event.is(CoursePublished.class)) {
            CoursePublished course = event.payloadAs(CoursePublished.class);
            directory.courseTitle(course.courseId(), course.version(), course.title());
        }
    }
}
