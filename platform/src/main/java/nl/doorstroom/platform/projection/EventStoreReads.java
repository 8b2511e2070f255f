package nl.doorstroom.platform.projection;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Axon's JPA event storage engine as its auto-configuration builds it, but reading the event table in pages of
 * {@code doorstroom.event-store.read-batch} (Axon's default is 100): a processor catching up or rebuilding then needs
 * one round trip for each of its batches instead of five. And the event store that feeds the processors, as Axon
 * builds it, but looking for new events every {@code doorstroom.event-store.fetch-delay} when nothing woke it (Axon's
 * default is a second): an append by this JVM wakes it at once, one by another instance of the service, or committed
 * by an outer transaction after Axon's unit of work, waits for that delay.
 * <p>
 * That event store reads ahead for its fastest processor into a chain of events shared by all of them; a processor
 * that falls behind keeps the chain from its position onward in memory until the store's cleaner moves it to a stream
 * of its own. Axon's cleaner runs every 10 s, which after a bulk load of a million events held half of them in the
 * heap and stopped capacity-service in full collections; every {@code doorstroom.event-store.cleanup-delay} keeps
 * that to what the fastest processor reads in that time.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa") // as Axon's, which now steps aside
public class EventStoreReads {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer, Configuration configuration,
                                          EntityManagerProvider entityManagerProvider, TransactionManager transactionManager,
                                          @Value("${doorstroom.event-store.read-batch:500}") int readBatch) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .batchSize(readBatch)
                .build();
    }

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  @Value("${doorstroom.event-store.fetch-delay:50ms}") Duration fetchDelay,
                                  @Value("${doorstroom.event-store.cleanup-delay:500ms}") Duration cleanupDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .cleanupDelay(cleanupDelay.toMillis())
                .build();
    }
}
