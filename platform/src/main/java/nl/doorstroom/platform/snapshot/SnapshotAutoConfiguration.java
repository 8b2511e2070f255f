package nl.doorstroom.platform.snapshot;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots of long-lived aggregates, in {@code snapshot_event_entry}. Without them every command re-reads its
 * aggregate's whole stream. A snapshot is safe when several instances share the database: it is the state at a
 * sequence number, and the events after it are always read too. The aggregates themselves are also kept in memory
 * between commands ({@link CheckedAggregateCache}), each handed out only while its last event is still the last one
 * stored, so that too stays true when another instance changes an aggregate.
 * <p>
 * {@code doorstroom.snapshots.threshold} (default 200): a snapshot is taken after a command whose aggregate needed
 * that many events to load and handle since the last snapshot; 0 takes none. Axon's own snapshotter runs on the
 * committing thread; this one hands the work to a thread of its own after commit, so the command that crosses the
 * threshold does not wait for the snapshot. A snapshot lost on shutdown is taken again by a later command.
 * <p>
 * {@code doorstroom.aggregates.cache-size} (default 10,000): how many aggregates are kept; 0 keeps none.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class SnapshotAutoConfiguration {

    @Bean(Snapshots.TRIGGER)
    SnapshotTriggerDefinition doorstroomSnapshots(Snapshotter snapshotter,
                                                  @Value("${doorstroom.snapshots.threshold:200}") int threshold) {
        if (threshold < 0) {
            throw new IllegalStateException("doorstroom.snapshots.threshold is a number of events, 0 for no snapshots: " + threshold);
        }
        return threshold == 0 ? NoSnapshotTriggerDefinition.INSTANCE : new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean(Snapshots.CACHE)
    Cache doorstroomAggregates(ObjectProvider<EventStore> eventStore,
                               @Value("${doorstroom.aggregates.cache-size:10000}") long size) {
        if (size < 0) {
            throw new IllegalStateException("doorstroom.aggregates.cache-size is a number of aggregates, 0 for none: " + size);
        }
        return size == 0 ? NoCache.INSTANCE : new CheckedAggregateCache(size, eventStore::getObject);
    }

    /** Replaces Axon's {@code aggregateSnapshotter} (conditional on no other {@link Snapshotter}); the same, with an executor. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
                                                    TransactionManager transactionManager, SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotThread())
                .build();
    }

    /**
     * One thread: snapshots are not taken side by side, and a burst of them waits in the queue rather than taking
     * connections from the commands; when the queue is full a snapshot is skipped (a later command asks again). Not a
     * bean: an {@code Executor} bean would displace Spring Boot's application task executor. Its thread ends when idle.
     */
    private static Executor snapshotThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
