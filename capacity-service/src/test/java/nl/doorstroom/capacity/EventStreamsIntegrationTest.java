package nl.doorstroom.capacity;

import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationOpened;
import nl.doorstroom.platform.projection.PagedEventStore;
import nl.doorstroom.testsupport.RealInfrastructure;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' event streams ({@link PagedEventStore}) on the service's own event table: an append is delivered when
 * it has committed, also when it was made inside an outer transaction (a COA poll), and another writer's append is
 * found by looking again — at the table's head, not by every stream reading the table while nothing happens.
 */
// the same context as the other integration tests: a context of its own would consume the shared topics beside theirs
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CapacityServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class EventStreamsIntegrationTest {

    private static final int PATIENCE_SECONDS = 60;

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void an_append_inside_an_outer_transaction_wakes_a_waiting_stream_when_that_transaction_commits() throws Exception {
        // a stream that is never woken would wait an hour: only the commit can deliver the event in time
        PagedEventStore store = PagedEventStore.builder().storageEngine(storageEngine).pollInterval(Duration.ofHours(1)).build();
        try (TrackingEventStream stream = store.openStream(store.createHeadToken())) {
            CompletableFuture<TrackedEventMessage<?>> delivered = CompletableFuture.supplyAsync(() -> next(stream));
            String location = "CNO-" + UUID.randomUUID();

            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                store.publish(opened(location));
                assertThat(delivered).as("nothing is delivered before the transaction commits").isNotDone();
            });

            TrackedEventMessage<?> event = delivered.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(event.getPayload()).isInstanceOfSatisfying(CnoLocationOpened.class,
                    opened -> assertThat(opened.locationId()).isEqualTo(location));
        }
    }

    @Test
    void another_writers_appends_are_read_in_order_by_looking_again() throws Exception {
        PagedEventStore reader = PagedEventStore.builder().storageEngine(storageEngine).pollInterval(Duration.ofMillis(100)).build();
        PagedEventStore otherInstance = PagedEventStore.builder().storageEngine(storageEngine).build();
        try (TrackingEventStream stream = reader.openStream(reader.createHeadToken())) {
            String first = "CNO-" + UUID.randomUUID();
            String second = "CNO-" + UUID.randomUUID();
            CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> openedOf(stream, Set.of(first, second)));

            new TransactionTemplate(transactions).executeWithoutResult(tx -> otherInstance.publish(opened(first)));
            new TransactionTemplate(transactions).executeWithoutResult(tx -> otherInstance.publish(opened(second)));

            assertThat(read.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).containsExactly(first, second);
        }
    }

    @Test
    void a_stream_that_has_read_everything_reads_the_table_again_only_when_its_head_moves() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        PagedEventStore reader = PagedEventStore.builder().storageEngine(countingReads(storageEngine, reads))
                .pollInterval(Duration.ofMillis(20)).build();
        PagedEventStore otherInstance = PagedEventStore.builder().storageEngine(storageEngine).build();
        try (reader; TrackingEventStream stream = reader.openStream(reader.createHeadToken())) {
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).as("nothing after the head").isFalse();
            int readsWhenCaughtUp = reads.get();

            // 25 intervals in which the table does not change (other tests may append: then it is read, as it should)
            long headBefore = storageEngine.createHeadToken().position().orElse(-1);
            boolean appendedMeanwhile = stream.hasNextAvailable(500, TimeUnit.MILLISECONDS);
            long headAfter = storageEngine.createHeadToken().position().orElse(-1);
            if (!appendedMeanwhile && headBefore == headAfter) {
                assertThat(reads.get()).as("reads of the table while its head stood still").isEqualTo(readsWhenCaughtUp);
            }

            String location = "CNO-" + UUID.randomUUID();
            CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> openedOf(stream, Set.of(location)));
            new TransactionTemplate(transactions).executeWithoutResult(tx -> otherInstance.publish(opened(location)));
            assertThat(read.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("another instance's append, seen at the head")
                    .containsExactly(location);
        }
    }

    /** The storage engine, counting the processors' reads of the event table (not the looks at its head). */
    private static EventStorageEngine countingReads(EventStorageEngine engine, AtomicInteger reads) {
        return (EventStorageEngine) Proxy.newProxyInstance(EventStorageEngine.class.getClassLoader(),
                new Class<?>[]{EventStorageEngine.class}, (proxy, method, args) -> {
                    if (method.getName().equals("readEvents") && args != null && args.length == 2
                            && args[1] instanceof Boolean) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static GenericDomainEventMessage<CnoLocationOpened> opened(String location) {
        return new GenericDomainEventMessage<>("CnoLocation", location, 0,
                new CnoLocationOpened(location, "VR01", "Sporthal", "GM0363", 225, false, LocalDate.of(2022, 9, 1)));
    }

    /** The given locations' openings in the order the stream delivers them (the service's own events pass by). */
    private static List<String> openedOf(TrackingEventStream stream, Set<String> locations) {
        List<String> read = new ArrayList<>();
        while (read.size() < locations.size()) {
            if (next(stream).getPayload() instanceof CnoLocationOpened opened && locations.contains(opened.locationId())) {
                read.add(opened.locationId());
            }
        }
        return read;
    }

    private static TrackedEventMessage<?> next(TrackingEventStream stream) {
        try {
            return stream.nextAvailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
