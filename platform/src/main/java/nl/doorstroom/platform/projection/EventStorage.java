package nl.doorstroom.platform.projection;

import nl.doorstroom.platform.persistence.ReadsOutsideTransactions;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The event store on the tables Axon's JPA storage engine made ({@code domain_event_entry}, {@code snapshot_event_entry}),
 * read and written by Axon's JDBC storage engine: an append is one batched insert that numbers its events in the table,
 * where the JPA engine asked the sequence before each insert, and a read maps rows straight to events, where Hibernate
 * built an entity for each first (a sixth of a rebuild's time). The connection is the one of the surrounding Spring
 * transaction, so events, read model rows and tokens still commit together; a read outside one is a statement of its
 * own ({@link ReadsOutsideTransactions}). Both read the table in pages of
 * {@code doorstroom.event-store.read-batch} (Axon's default is 100): a processor catching up or rebuilding needs one
 * round trip for each of its batches instead of five.
 * <p>
 * The processors read it through {@link PagedEventStore}: a page per processor, woken by this JVM's commits, and every
 * {@code doorstroom.event-store.poll-interval} for appends it was not told of (another instance's).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa") // as Axon's, which now steps aside
public class EventStorage {

    /** Axon's JDBC names for the columns, as the JPA engine's entities named them. */
    static final EventSchema TABLES = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer, Configuration configuration,
                                          DataSource dataSource, TransactionManager transactionManager,
                                          @Value("${doorstroom.event-store.read-batch:500}") int readBatch) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections(dataSource))
                .transactionManager(new ReadsOutsideTransactions(transactionManager))
                .schema(TABLES)
                .dataType(byte[].class)
                .batchSize(readBatch)
                .build();
    }

    /**
     * The processors' tokens in the table Axon's JPA token store made ({@code token_entry}), written by its JDBC store:
     * a batch's token is one update, where the JPA store read the row for update first and let Hibernate write it
     * (11 % of housing-projection's CPU for a batch of one event, issue 13). Same columns, same serializer, same owner
     * name ({@code pid@host}, see ServiceInstances), in the batch's transaction.
     */
    @Bean
    TokenStore tokenStore(@Qualifier("serializer") Serializer serializer, DataSource dataSource,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections(dataSource))
                .serializer(serializer)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .contentType(byte[].class)
                .claimTimeout(claimTimeout)
                .build();
    }

    /** The surrounding Spring transaction's connection, the same one for the whole unit of work. */
    private static ConnectionProvider connections(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    PagedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                               @Value("${doorstroom.event-store.poll-interval:50ms}") Duration pollInterval) {
        return PagedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .pollInterval(pollInterval)
                .build();
    }
}
