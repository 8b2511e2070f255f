package nl.doorstroom.platform.projection;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store, with a stream per processor that reads the event table itself, a page at a time, and keeps nothing
 * else. Axon's {@code EmbeddedEventStore} shares one read-ahead list between the processors; its reader does not wait
 * for them, so after a bulk load of a million events the list held 561,001 events and capacity-service ran out of heap
 * (issue 13). Here a stream holds at most one page of the storage engine ({@code doorstroom.event-store.read-batch}).
 * <p>
 * A stream that has read everything waits until an append by this JVM has committed (for an append inside an outer
 * Spring transaction, such as a COA poll, when that transaction has committed) or for {@code pollInterval}, whichever
 * comes first: the interval is how late another instance's appends are seen.
 */
public class PagedEventStore extends AbstractEventStore {

    private final long pollNanos;
    private final Object appended = new Object();
    private long commits; // guarded by appended: a stream compares it before and after a read, so no wake-up is lost

    private PagedEventStore(Builder builder) {
        super(builder);
        this.pollNanos = builder.pollInterval.toNanos();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new PagedStream(trackingToken);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // the unit of work joined an outer transaction: the events are visible only once that one commits
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
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

    private final class PagedStream implements TrackingEventStream {

        private TrackingToken lastToken;
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
                peeked = read();
                long left = deadline - System.nanoTime();
                if (peeked != null || left <= 0) {
                    return peeked != null;
                }
                awaitCommitAfter(seen, Math.min(left, pollNanos));
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
