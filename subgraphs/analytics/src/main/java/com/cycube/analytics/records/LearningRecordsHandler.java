package com.cycube.analytics.records;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Stores every learning fact as a learning record, once (the record's id derives from the event's). */
@Component
public class LearningRecordsHandler implements EventHandler {

    private final LearningRecordStore store;
    private final Clock clock;

    public LearningRecordsHandler(LearningRecordStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String group() {
        return "analytics.learning-records";
    }

    @Override
    public Set<String> eventTypes() {
        return LearningRecords.SOURCES;
    }

    @Override
    public void handle(DomainEvent event) {
        LearningRecords.of(event, clock.instant()).ifPresent(store::store);
    }
}
