package com.cycube.support.events;

import com.cycube.support.changes.ChangeStreamFollower;
import com.cycube.support.changes.LocalWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs this service's side of the event flow: the outbox relay and one delivery loop per {@link EventHandler},
 * each on its own daemon thread, woken by the event log's change stream and by a poll interval; the relay is woken by
 * this application's own writes ({@link LocalWrites}) and scans every collection once per relay interval. Started after the
 * application context is ready and stopped with it; a stopped service resumes from the log when it starts again.
 * With {@code cycube.events.background=false} nothing runs by itself and tests call {@link #drain()}.
 */
public final class EventProcessing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventProcessing.class);

    private final EventLog eventLog;
    private final OutboxRelay relay;
    private final List<EventDelivery> deliveries;
    private final EventsProperties properties;
    private final String service;
    private final List<Worker> workers = new ArrayList<>();
    private ChangeStreamFollower follower;
    private volatile boolean running;
    /** Collections this application wrote to since the relay's last pass ({@link LocalWrites}). */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private volatile long lastFullRelay = System.nanoTime() - Long.MAX_VALUE / 2;
    private AutoCloseable localWrites;

    public EventProcessing(EventLog eventLog, OutboxRelay relay, List<EventDelivery> deliveries,
                           EventsProperties properties, String service) {
        this.eventLog = eventLog;
        this.relay = relay;
        this.deliveries = deliveries;
        this.properties = properties;
        this.service = service;
        deliveries.forEach(delivery -> eventLog.subscribe(delivery.handler().group(),
                delivery.handler().eventTypes(), service));
    }

    /**
     * Relays the outbox and delivers pending events until there is nothing left to do (events produced by handlers
     * included). For tests and for a clean shutdown; safe to call while the background threads run.
     */
    public void drain() {
        for (int round = 0; round < 1_000; round++) {
            int work = relay.relayPending();
            for (EventDelivery delivery : deliveries) {
                work += delivery.deliverPending();
            }
            if (work == 0) {
                return;
            }
        }
        throw new IllegalStateException("events still pending after 1000 rounds");
    }

    @Override
    public void start() {
        if (!properties.background()) {
            running = true;
            return;
        }
        Worker relayWorker = new Worker("outbox-relay", properties.relayInterval(), this::relayPass);
        workers.add(relayWorker);
        localWrites = LocalWrites.onAnyWrite(relay.database(), collection -> {
            written.add(collection);
            relayWorker.wake();
        });
        for (EventDelivery delivery : deliveries) {
            workers.add(new Worker("events-" + delivery.handler().group(), properties.pollInterval(),
                    delivery::deliverPending));
        }
        workers.forEach(Worker::start);
        if (properties.changeStreamEnabled() && !deliveries.isEmpty()) {
            follower = ChangeStreamFollower.start(eventLog.template(), EventLog.EVENTS, Duration.ofMillis(100),
                    Duration.ofSeconds(1), new ChangeStreamFollower.Handler() {
                        @Override
                        public void changed(java.util.Optional<String> documentId) {
                            wakeConsumers();
                        }

                        @Override
                        public void resumed() {
                            wakeConsumers();
                        }
                    });
        }
        running = true;
        log.info("Event processing started for {}: relay every {}, {} consumer(s)", service,
                properties.relayInterval(), deliveries.size());
    }

    /**
     * The relay's pass: the collections this application wrote to since the last pass (at once, woken by the write),
     * and every collection once per relay interval — the net for events a write left that no nudge announced: written
     * by another instance that stopped before relaying them, or before this one started.
     */
    private int relayPass() {
        long now = System.nanoTime();
        if (now - lastFullRelay >= properties.relayInterval().toNanos()) {
            lastFullRelay = now;
            written.clear();
            return relay.relayPending();
        }
        List<String> collections = new ArrayList<>(written);
        written.removeAll(collections);
        return collections.isEmpty() ? 0 : relay.relayPending(collections);
    }

    private void wakeConsumers() {
        workers.stream().filter(worker -> !worker.name.equals("outbox-relay")).forEach(Worker::wake);
    }

    @Override
    public void stop() {
        running = false;
        if (localWrites != null) {
            try {
                localWrites.close();
            } catch (Exception e) {
                log.debug("closing the relay's write registration: {}", e.toString());
            }
            localWrites = null;
        }
        if (follower != null) {
            try {
                follower.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.forEach(Worker::stop);
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One loop: do a pass, go on at once while there was work, else wait for a wake-up or the interval. */
    private static final class Worker {
        private final String name;
        private final Duration interval;
        private final java.util.function.IntSupplier pass;
        private final Semaphore wakeUps = new Semaphore(0);
        private final Thread thread;
        private volatile boolean active = true;

        Worker(String name, Duration interval, java.util.function.IntSupplier pass) {
            this.name = name;
            this.interval = interval;
            this.pass = pass;
            this.thread = new Thread(this::loop, name);
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void wake() {
            wakeUps.release();
        }

        void stop() {
            active = false;
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void loop() {
            while (active) {
                int work;
                try {
                    work = pass.getAsInt();
                } catch (RuntimeException failed) {
                    if (!active) {
                        return;
                    }
                    log.warn("{} pass failed, retrying: {}", name, failed.toString());
                    work = 0;
                }
                if (work > 0) {
                    continue;
                }
                try {
                    if (wakeUps.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                        wakeUps.drainPermits();
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
