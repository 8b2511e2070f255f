package nl.doorstroom.testsupport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate as a service loads it from a snapshot: its events handed to Axon's own {@link AggregateSnapshotter},
 * the snapshot it makes written to JSON and read back by a Jackson serializer set up as the services' (Spring Boot's
 * builder with {@code doorstroom-platform.yml}'s {@code spring.jackson} settings, which Axon's
 * {@code axon.serializer.general: jackson} takes as its {@code ObjectMapper}). Fails when the copy differs from
 * the aggregate in any field, so a field Jackson cannot rebuild fails the test instead of being lost; the copy is then
 * the {@code givenState} of a given-when-then fixture.
 */
public final class SnapshotRoundTrip {

    private SnapshotRoundTrip() {
    }

    /** The serializer the services store snapshots with. */
    public static Serializer serializer() {
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /**
     * The aggregate after {@code events} (sequence 0, 1, …), taken as a snapshot, stored as JSON and read back. Call it
     * outside a unit of work (not inside {@code givenState}'s supplier): within one, Axon defers the snapshot to its commit.
     */
    public static <T> T afterSnapshot(Class<T> type, String aggregateId, Object... events) {
        Aggregate aggregate = type.getAnnotation(Aggregate.class);
        assertThat(aggregate).as(type + " is an aggregate").isNotNull();
        assertThat(aggregate.snapshotTriggerDefinition()).as(type + " takes the platform's snapshots")
                .isEqualTo("doorstroomSnapshots");
        assertThat(type.getAnnotation(Revision.class)).as(type + " has a @Revision for its snapshots").isNotNull();

        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            List<DomainEventMessage<?>> stream = new ArrayList<>();
            for (int i = 0; i < events.length; i++) {
                stream.add(new GenericDomainEventMessage<>(type.getSimpleName(), aggregateId, i, events[i]));
            }
            store.publish(stream);
            AggregateSnapshotter.builder().eventStore(store).aggregateFactories(new GenericAggregateFactory<>(type)).build()
                    .scheduleSnapshot(type, aggregateId);
            DomainEventMessage<?> snapshot = engine.readSnapshot(aggregateId)
                    .orElseThrow(() -> new AssertionError("no snapshot taken of " + aggregateId));
            assertThat(snapshot.getSequenceNumber()).isEqualTo(events.length - 1L);
            Object state = snapshot.getPayload();

            Serializer serializer = serializer();
            SerializedObject<byte[]> stored = serializer.serialize(state, byte[].class);
            assertThat(stored.getType().getRevision()).isEqualTo(type.getAnnotation(Revision.class).value());
            T copy = serializer.deserialize(stored);
            assertThat(copy).as("%s read back from %s", type.getSimpleName(), new String(stored.getData()))
                    .usingRecursiveComparison().isEqualTo(state);
            return copy;
        } finally {
            store.shutDown();
        }
    }
}
