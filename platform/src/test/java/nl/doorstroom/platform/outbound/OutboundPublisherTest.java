package nl.doorstroom.platform.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.doorstroom.platform.autoconfigure.DoorstroomProperties;
import nl.doorstroom.testsupport.TestInfrastructure;
import nl.doorstroom.testsupport.TopicReader;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The publisher's batch (and with it the processor's token, stored in the same transaction) commits only once
 * Kafka acknowledged every record of it.
 */
class OutboundPublisherTest {

    record Opened(String locationId, int places, LocalDate occurredOn) {
    }

    record OpenedV1(String locationId, int places, LocalDate occurredOn) {
    }

    private static final OutboundEventMapper MAPPER = event -> event instanceof Opened o
            ? Optional.of(new PublishedEvent("nl.doorstroom.test.Opened.v1", new OpenedV1(o.locationId(), o.places(), o.occurredOn())))
            : Optional.empty();
    private static final DoorstroomProperties PROPERTIES = new DoorstroomProperties("publisher-test", List.of(), 1, null);

    @Test
    void an_acknowledged_batch_commits_and_the_event_is_on_the_topic_as_a_cloudevent() throws Exception {
        String location = "L-" + UUID.randomUUID();
        var message = new GenericDomainEventMessage<>("CnoLocation", location, 0, new Opened(location, 225, LocalDate.of(2022, 9, 1)));
        OutboundPublisher publisher = publisher(TestInfrastructure.get().kafkaBootstrapServers());

        AtomicBoolean committed = runInUnitOfWork(message, publisher);

        assertThat(committed).isTrue();
        var records = TopicReader.readUntil(PROPERTIES.outboundTopic(), r -> location.equals(r.key()), Duration.ofSeconds(30));
        JsonNode event = new ObjectMapper().readTree(TopicReader.text(records.stream().filter(r -> location.equals(r.key())).findFirst().orElseThrow()));
        assertThat(event.get("id").asText()).isEqualTo(message.getIdentifier());
        assertThat(event.get("subject").asText()).isEqualTo(location);
        assertThat(event.get("source").asText()).isEqualTo("/doorstroom/publisher-test");
        assertThat(event.get("data").get("occurredOn").asText()).isEqualTo("2022-09-01");
    }

    @Test
    void a_batch_kafka_did_not_acknowledge_rolls_back_so_it_is_sent_again() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var message = new GenericDomainEventMessage<>("CnoLocation", "L1", 0, new Opened("L1", 225, LocalDate.of(2022, 9, 1)));
        OutboundPublisher publisher = publisher("localhost:" + closedPort);

        AtomicBoolean committed = new AtomicBoolean();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        unitOfWork.afterCommit(u -> committed.set(true));
        // unreachable, the send fails (while waiting for metadata or for the acknowledgement)
        assertThatThrownBy(() -> unitOfWork.execute(() -> publisher.on(message.getPayload(), message)))
                .isInstanceOf(RuntimeException.class);
        assertThat(committed).isFalse();
        assertThat(unitOfWork.isRolledBack()).isTrue();
    }

    private static AtomicBoolean runInUnitOfWork(GenericDomainEventMessage<?> message, OutboundPublisher publisher) {
        AtomicBoolean committed = new AtomicBoolean();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        unitOfWork.afterCommit(u -> committed.set(true));
        unitOfWork.execute(() -> publisher.on(message.getPayload(), message));
        return committed;
    }

    private static OutboundPublisher publisher(String bootstrapServers) {
        var producers = new DefaultKafkaProducerFactory<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000), new StringSerializer(), new ByteArraySerializer());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new OutboundPublisher(List.of(MAPPER), new KafkaTemplate<>(producers), json, PROPERTIES, new SimpleMeterRegistry());
    }
}
