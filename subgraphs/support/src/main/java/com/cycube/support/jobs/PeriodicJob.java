package com.cycube.support.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A job run again and again on a thread of its own — {@code interval} after each run ends — from the start of the
 * application context until it stops. For work that waits on something outside (another service, a slow API): on
 * Spring's shared scheduler ({@code @Scheduled}, one thread by default) a run that hangs would hold back every other
 * scheduled job of the subgraph. A run that throws is logged and the job runs again at the next interval. Declare it
 * as a bean; {@code enabled} false makes a job that never runs (a setting switched it off, or tests call the work
 * themselves).
 */
public final class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private final Runnable work;
    private final boolean enabled;
    private ScheduledExecutorService thread;
    private boolean running;

    /**
     * @param name         the thread's name, also used in log lines
     * @param initialDelay how long after the start the first run begins
     * @param interval     how long after a run ends the next begins
     * @param work         one run
     * @param enabled      false: never runs
     */
    public PeriodicJob(String name, Duration initialDelay, Duration interval, Runnable work, boolean enabled) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("The interval of job " + name + " must be positive, was " + interval);
        }
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.work = work;
        this.enabled = enabled;
    }

    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!enabled) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, name);
            named.setDaemon(true);
            return named;
        });
        thread.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One run, whose failure is logged rather than ending the job. */
    private void runOnce() {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Job {} failed; it runs again in {}", name, interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
