package nl.doorstroom.platform.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.doorstroom.platform.autoconfigure.DoorstroomProperties;
import nl.doorstroom.platform.tracing.Traceparent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes this service's domain events to {@code doorstroom.<service>.events} as CloudEvents 1.0 (structured
 * JSON), keyed by aggregate id. It runs in its own streaming processor: the batch's token is stored only after
 * Kafka acknowledged every record of the batch (at-least-once). A replay never reaches it.
 */
@Component
@ProcessingGroup(OutboundPublisher.PROCESSING_GROUP)
@DisallowReplay
public class OutboundPublisher {

    public static final String PROCESSING_GROUP = "outbound-publisher";
    private static final String PENDING_SENDS = OutboundPublisher.class.getName() + ".pending";
    private static final EventFormat CLOUD_EVENT_JSON = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final List<OutboundEventMapper> mappers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final DoorstroomProperties properties;
    private final Timer publishLatency;

    public OutboundPublisher(List<OutboundEventMapper> mappers, KafkaTemplate<String, byte[]> kafka, ObjectMapper json,
                             DoorstroomProperties properties, MeterRegistry meters) {
        this.mappers = mappers;
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
        this.publishLatency = Timer.builder("doorstroom.outbound.publish")
                .description("From handing an event to Kafka until the broker acknowledged it")
                .tag("topic", properties.outboundTopic())
                .publishPercentileHistogram()
                .register(meters);
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        List<PublishedEvent> published = mappers.stream()
                .map(mapper -> mapper.toContracts(payload))
                .filter(forms -> !forms.isEmpty())
                .findFirst().orElse(List.of());
        String key = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : message.getIdentifier();
        for (int i = 0; i < published.size(); i++) {
            // source + id is a CloudEvent's identity: a second form of the same event needs an id of its own, the same on a resend
            String id = i == 0 ? message.getIdentifier() : message.getIdentifier() + ":" + published.get(i).type();
            send(toCloudEvent(published.get(i), id, key, message), key, message);
        }
    }

    private void send(CloudEvent event, String key, EventMessage<?> message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.outboundTopic(), key, CLOUD_EVENT_JSON.serialize(event));
        record.headers().add(new RecordHeader("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        traceparent(message).ifPresent(tp -> record.headers().add(new RecordHeader(Traceparent.HEADER, tp.getBytes(StandardCharsets.UTF_8))));
        Timer.Sample sample = Timer.start();
        CompletableFuture<?> sent = kafka.send(record).whenComplete((result, error) -> sample.stop(publishLatency));
        pendingSends().add(sent);
    }

    private CloudEvent toCloudEvent(PublishedEvent published, String id, String subject, EventMessage<?> message) {
        JsonNode data = json.valueToTree(published.data());
        CloudEventBuilder builder = CloudEventBuilder.v1();
        // the CloudEvents distributed-tracing extension: consumers continue the trace of the request that caused it
        traceparent(message).ifPresent(tp -> builder.withExtension(Traceparent.HEADER, tp));
        return builder
                .withId(id)
                .withSource(URI.create("/doorstroom/" + properties.service()))
                .withType(published.type())
                .withSubject(subject)
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(JsonCloudEventData.wrap(data))
                .build();
    }

    private static Optional<String> traceparent(EventMessage<?> message) {
        return Optional.ofNullable(message.getMetaData().get(Traceparent.METADATA_KEY)).map(Object::toString)
                .filter(Traceparent::isValid);
    }

    /** The sends of the current batch; the batch commits (and its token moves) only when all were acknowledged. */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(uow -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka acknowledged the batch", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }
}
