package nl.doorstroom.platform.inbound;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A validated inbound CloudEvent: its id makes redeliveries recognisable, its data passed the type's schema, and its
 * {@code traceparent} (CloudEvents extension, else Kafka header; may be null) continues the sender's trace.
 */
public record InboundMessage(String topic, String id, String type, String source, OffsetDateTime time, JsonNode data,
                             String traceparent) {
}
