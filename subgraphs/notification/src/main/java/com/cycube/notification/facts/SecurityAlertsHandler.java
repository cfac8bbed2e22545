package com.cycube.notification.facts;

import com.cycube.notification.inbox.NotificationKind;
import com.cycube.notification.people.DirectoryStore;
import com.cycube.notification.people.PersonDocument;
import com.cycube.support.contracts.audit.SecurityAlertRaised;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The audit trail's security alerts (ADR 22), told to who can act on them: an organization's alert to its managers, a
 * platform alert (no organization: failed sign-ins from one address, root's own actions) to root — in the app and, by
 * default, by e-mail. Written once per alert and recipient (the alert's event id names it).
 */
@Component
public class SecurityAlertsHandler implements EventHandler {

    /** The alert kinds with texts of their own; any other (a newer audit subgraph) is told with its summary. */
    private static final Set<String> WORDED = Set.of("FAILED_SIGN_INS_FOR_ACCOUNT", "FAILED_SIGN_INS_FROM_ADDRESS",
            "ROLE_GRANTED_MANAGER", "REVOKED_ACCESS_USED", "REPEATED_DENIALS");

    private final Notifier notifier;
    private final DirectoryStore directory;

    public SecurityAlertsHandler(Notifier notifier, DirectoryStore directory) {
        this.notifier = notifier;
        this.directory = directory;
    }

    @Override
    public String group() {
        return "notification.security-alerts";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(SecurityAlertRaised.class);
    }

    @Override
    public void handle(DomainEvent event) {
        SecurityAlertRaised alert = event.payloadAs(SecurityAlertRaised.class);
        List<PersonDocument> recipients = alert.organizationId() == null ? directory.roots()
                : directory.managersOf(alert.organizationId());
        Object subject = directory.person(alert.subject()).map(PersonDocument::displayName)
                .filter(name -> name != null && !name.isBlank()).<Object>map(name -> name).orElse(alert.subject());
        for (PersonDocument recipient : recipients) {
            notifier.notify(event.eventId(), event.occurredAt(), new Notifier.Message(alert.organizationId(),
                    recipient.id(), NotificationKind.SECURITY_ALERT, "/audit?alert=" + alert.alertId(), alert.alertId(),
                    "SECURITY_ALERT." + (WORDED.contains(alert.kind()) ? alert.kind() : "OTHER"), subject, alert.count(),
                    alert.windowStart(), alert.summary()));
        }
    }
}
