package com.cycube.support.events;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Domain events for every subgraph (docs/adr/0010): the shared {@link EventLog}, this service's
 * {@link OutboxRelay}, and a delivery loop for each {@link EventHandler} bean.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"})
@ConditionalOnBean(MongoTemplate.class)
@ConditionalOnProperty(prefix = "cycube.events", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    EventLog eventLog(MongoClient mongoClient, EventsProperties properties, Clock clock) {
        return new EventLog(new MongoTemplate(mongoClient, properties.database()), clock);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventLog eventLog, EventsProperties properties, EventsMetrics metrics,
                            @Value("${spring.application.name:subgraph}") String service) {
        return new OutboxRelay(mongo, eventLog, service, properties.batchSize(), metrics);
    }

    @Bean
    EventProcessing eventProcessing(EventLog eventLog, OutboxRelay relay, List<EventHandler> handlers,
                                    EventsProperties properties, EventsMetrics metrics,
                                    @Value("${spring.application.name:subgraph}") String service) {
        List<EventDelivery> deliveries = handlers.stream()
                .map(handler -> new EventDelivery(eventLog, handler, properties, metrics)).toList();
        return new EventProcessing(eventLog, relay, deliveries, properties, service);
    }

    /** Age of the oldest event waiting in this subgraph's outboxes (stuck relay → grows). */
    @Bean
    MeterBinder outboxMetrics(OutboxRelay relay) {
        return registry -> registry.gauge("cycube.outbox.oldest.seconds", relay, OutboxRelay::oldestPendingSeconds);
    }

    /** Backlog and parked events per consumer group of this subgraph, for Prometheus (see {@link EventsMetrics}). */
    @Bean
    EventsMetrics eventsMetrics(EventLog eventLog, List<EventHandler> handlers, MeterRegistry registry) {
        return new EventsMetrics(eventLog, handlers.stream().map(EventHandler::group).toList(), registry);
    }
}
