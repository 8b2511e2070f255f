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

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' event streams ({@link PagedEventStore}) on the service's own event table: an append is delivered when
 * it has committed, also when it was made inside an outer transaction (a COA poll), and another writer's append is
 * found by looking again.
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
