package nl.doorstroom.platform.projection;

import nl.doorstroom.platform.persistence.AfterCommit;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.monitoring.MessageMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store, with a stream per processor that reads the event table itself, a page at a time, and keeps nothing
 * else. Axon's {@code EmbeddedEventStore} shares one read-ahead list between the processors; its reader does not wait
 * for them, so after a bulk load of a million events the list held 561,001 events and capacity-service ran out of heap
 * (issue 13). Here a stream holds at most one page of the storage engine ({@code doorstroom.event-store.read-batch}).
 * <p>
 * A stream that has read everything waits until an append by this JVM has committed (for an append inside an outer
 * Spring transaction, such as a COA poll, when that transaction has committed), or until the table's head has moved.
 * One watcher per JVM looks at the head ({@code max(global_index)}) every {@code pollInterval}; that is how late another
 * instance's appends are seen. Before, every stream read the table each interval itself: a read and its look ahead are
 * four statements, so the idle stack sent ~1,600 a second and burnt 40 % of a core (issue 13). A stream whose token has
 * gaps (an insert not committed yet, or rolled back) still reads each interval, because a gap filled by another instance
 * does not move the head.
 */
public class PagedEventStore extends AbstractEventStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PagedEventStore.class);

    private final long pollNanos;
    private final Object appended = new Object();
    private long commits; // guarded by appended: a stream compares it before and after a read, so no wake-up is lost
    private ScheduledExecutorService headWatcher; // guarded by appended; started with the first stream
    private long head = Long.MIN_VALUE; // the head the watcher saw last; only its thread touches it

    private PagedEventStore(Builder builder) {
        super(builder);
        this.pollNanos = builder.pollInterval.toNanos();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        synchronized (appended) {
            if (headWatcher == null) {
                headWatcher = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "event-store-head");
                    thread.setDaemon(true);
                    return thread;
                });
                headWatcher.scheduleWithFixedDelay(this::lookAtHead, pollNanos, pollNanos, TimeUnit.NANOSECONDS);
            }
        }
        return new PagedStream(trackingToken);
    }

    /** Stops the head watcher; streams still open are then woken only by this JVM's commits. */
    @Override
    public void close() {
        synchronized (appended) {
            if (headWatcher != null) {
                headWatcher.shutdownNow();
                headWatcher = null;
            }
        }
    }

    private void lookAtHead() {
        try {
            TrackingToken token = storageEngine().createHeadToken();
            long now = token == null ? -1 : token.position().orElse(-1);
            if (now != head) {
                head = now;
                wake();
            }
        } catch (RuntimeException e) {
            // the database away for a moment: the streams' own reads will say so; look again next interval
            log.debug("could not read the event table's head: {}", e.getMessage());
        }
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        // a unit of work that joined an outer transaction: its events are visible only once that one commits
        AfterCommit.run(this::wake);
    }

    private void wake() {
        synchronized (appended) {
            commits++;
            appended.notifyAll();
        }
    }

    private long commits() {
        synchronized (appended) {
            return commits;
        }
    }

    private void awaitCommitAfter(long seen, long nanos) throws InterruptedException {
        synchronized (appended) {
            if (commits == seen) {
                TimeUnit.NANOSECONDS.timedWait(appended, nanos);
            }
        }
    }

    private static boolean hasGaps(TrackingToken token) {
        return token instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty();
    }

    private final class PagedStream implements TrackingEventStream {

        private TrackingToken lastToken;
        private long commitsAtLastRead = -1; // a read is due when an append committed or the head moved since
        private Stream<? extends TrackedEventMessage<?>> page;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> peeked;

        private PagedStream(TrackingToken startToken) {
            this.lastToken = startToken;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (peeked != null) {
                return true;
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = commits();
                if (seen != commitsAtLastRead || events != null || hasGaps(lastToken)) {
                    commitsAtLastRead = seen;
                    peeked = read();
                }
                long left = deadline - System.nanoTime();
                if (peeked != null || left <= 0) {
                    return peeked != null;
                }
                // the watcher or a commit wakes a stream; one with gaps looks again each interval itself
                awaitCommitAfter(seen, hasGaps(lastToken) ? Math.min(left, pollNanos) : left);
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                // waits again: nextAvailable returns an event or is interrupted
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            return next;
        }

        /** The next stored event after the last one read, or null when there is none yet (the page is then closed). */
        private TrackedEventMessage<?> read() {
            if (events == null) {
                page = storageEngine().readEvents(lastToken, false);
                events = page.iterator();
            }
            if (events.hasNext()) {
                TrackedEventMessage<?> next = events.next();
                lastToken = next.trackingToken();
                return next;
            }
            close();
            return null;
        }

        @Override
        public void close() {
            if (page != null) {
                page.close();
            }
            page = null;
            events = null;
        }
    }

    public static final class Builder extends AbstractEventStore.Builder {

        private Duration pollInterval = Duration.ofMillis(50);

        @Override
        public Builder storageEngine(EventStorageEngine storageEngine) {
            super.storageEngine(storageEngine);
            return this;
        }

        @Override
        public Builder messageMonitor(MessageMonitor<? super EventMessage<?>> messageMonitor) {
            super.messageMonitor(messageMonitor);
            return this;
        }

        @Override
        public Builder spanFactory(EventBusSpanFactory spanFactory) {
            super.spanFactory(spanFactory);
            return this;
        }

        /** How long a stream that has read everything waits before it looks again without being woken. */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new AxonConfigurationException("The poll interval must be positive");
            }
            this.pollInterval = pollInterval;
            return this;
        }

        public PagedEventStore build() {
            validate();
            return new PagedEventStore(this);
        }
    }
}
