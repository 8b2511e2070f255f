package nl.doorstroom.platform.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Extends the audit chain with the events appended since the last seal ({@code audit_seal},
 * V4__audit_chain_sealed_asynchronously.sql): an append only queues its event in {@code event_unsealed}, so appends
 * of different aggregates do not wait for one another, and this chains them a moment later, on a thread of its own.
 * Several instances of a service may run one each; the database lets one seal at a time.
 * {@code doorstroom_audit_unsealed_events} counts the events awaiting their seal: the window in which a change of
 * an event row would not show.
 */
@Component
public class AuditSealer implements SmartLifecycle {

    /** Events per sealing transaction: short enough not to hold a large transaction open, long enough for a bulk load. */
    static final int BATCH = 10_000;

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private ScheduledExecutorService thread;

    public AuditSealer(JdbcTemplate jdbc, MeterRegistry meters,
                       @Value("${doorstroom.audit.seal-interval:200ms}") Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
        Gauge.builder("doorstroom.audit.unsealed", this, AuditSealer::unsealedOrNaN)
                .description("Events appended but not yet chained: a change of these would not show until sealed")
                .baseUnit("events")
                .register(meters);
    }

    /** Chains every event committed by now; the number chained. */
    public long sealCommitted() {
        long total = 0;
        int sealed;
        do {
            sealed = jdbc.queryForObject("select audit_seal(?)", Integer.class, BATCH);
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    /** Events queued for their seal (a queue row whose event is gone counts too: verify reports it). */
    public long unsealed() {
        return jdbc.queryForObject("select count(*) from event_unsealed", Long.class);
    }

    private double unsealedOrNaN() {
        try {
            return unsealed();
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }

    private void sealQuietly() {
        try {
            sealCommitted();
        } catch (RuntimeException e) {
            // the events stay queued and the next round seals them; the gauge shows the queue growing meanwhile
            log.warn("could not seal the audit chain, trying again in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "audit-sealer");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::sealQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            // a round under way finishes (its transaction commits or rolls back); nothing is lost either way
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
