package com.cycube.testing;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventProcessing;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a subgraph announces: the events of one type that reach the log because of an action, and nothing else. */
public final class ProducedEvents {

    private ProducedEvents() {
    }

    /** Drains what was pending, runs {@code action}, drains again, and returns the new events of that contract. */
    public static List<DomainEvent> during(EventProcessing events, EventLog eventLog,
                                           Class<? extends EventPayload> contract, Runnable action) {
        return during(events, eventLog, EventPayload.typeOf(contract), action);
    }

    /** Drains what was pending, runs {@code action}, drains again, and returns the new events of {@code type}. */
    public static List<DomainEvent> during(EventProcessing events, EventLog eventLog, String type, Runnable action) {
        events.drain();
        Set<String> before = eventLog.ofType(type).stream().map(DomainEvent::eventId).collect(Collectors.toSet());
        action.run();
        events.drain();
        return eventLog.ofType(type).stream().filter(event -> !before.contains(event.eventId())).toList();
    }
}
