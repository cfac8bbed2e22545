package com.cycube.audit.trail;

import com.cycube.audit.alerts.SecurityAlerts;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Stores every {@code audit.Recorded} event of every subgraph in its organization's chain, once: a redelivered event
 * finds its record stored and appends nothing. The stored record is then looked at for security alerts — also on a
 * redelivery, since alerts are written once by their own deterministic ids, so a crash between the two loses none.
 */
@Component
public class AuditTrailHandler implements EventHandler {

    private final TrailStore trail;
    private final SecurityAlerts alerts;
    private final Clock clock;

    public AuditTrailHandler(TrailStore trail, SecurityAlerts alerts, Clock clock) {
        this.trail = trail;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public String group() {
        return "audit.trail";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(AuditRecorded.class);
    }

    @Override
    public void handle(DomainEvent event) {
        AuditEventDocument record = AuditEventDocument.unchained(event.eventId(), event.payloadAs(AuditRecorded.class),
                clock.instant());
        AuditEventDocument stored = trail.append(record)
                .or(() -> trail.byId(record.id()))
                .orElseThrow(() -> new IllegalStateException("Audit record " + record.id() + " neither appended nor found"));
        alerts.inspect(stored);
    }
}
