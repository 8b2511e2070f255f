package nl.doorstroom.platform.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.doorstroom.contracts.ContractSchemas;
import nl.doorstroom.platform.tracing.Traceparent;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Set;

/**
 * Keeps personal data off the dead-letter topics, which operators read and which are kept for days. A dead letter
 * is redacted when its message was refused unread — not a CloudEvent, a type not accepted, data its closed schema
 * refuses — for then it may hold anything (a BSN where a zaakId belongs, a name in a field no schema has), and every
 * dead letter of a topic about persons (coa.statushouders.v1: even its valid data ties a case to a municipality).
 * A redacted dead letter keeps the CloudEvent's identity, so the sender can find its own message, and the reason,
 * which names fields by JSON pointer; its data and the sender's headers are dropped, and so is the key on a topic
 * about persons (there it is a case id; elsewhere a location, a week or an aggregate id, which operators look up).
 */
public final class DeadLetterRedaction {

    /** Present, with the value {@code data}, on every redacted dead letter. */
    public static final String REDACTED_HEADER = "doorstroom_dlt-redacted";
    static final String NOTICE = "removed: the message may hold personal data; the reason is in header "
            + DeadLetterPublishing.REASON_HEADER + ", the original is with its sender (source, id)";
    private static final int MAX_ATTRIBUTE_LENGTH = 255;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> personalDataTopics;

    public DeadLetterRedaction(Collection<String> personalDataTopics) {
        this.personalDataTopics = Set.copyOf(personalDataTopics);
    }

    public boolean redacts(String topic, Throwable failure) {
        return personalDataTopics.contains(topic) || InboundFailures.isRefusedUnread(failure);
    }

    boolean keepsKey(String topic) {
        return !personalDataTopics.contains(topic);
    }

    /**
     * The reason for headers and logs. A failure nobody foresaw quotes whatever it met (a date parser the text it could
     * not read, PostgreSQL the key it found twice), so on a redacted dead letter only its kind is told.
     */
    public String reason(String topic, Throwable failure) {
        if (redacts(topic, failure) && !InboundFailures.isRefusal(failure)) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return "unforeseen failure (" + root.getClass().getSimpleName() + "); its message is withheld, the record may hold personal data";
        }
        return InboundFailures.reason(failure);
    }

    /** The CloudEvent's identity with its data replaced by a notice; only the notice when the value was no JSON object. */
    byte[] value(Object original) {
        ObjectNode redacted = JSON.createObjectNode();
        JsonNode event = readObject(original);
        if (event != null) {
            if ("1.0".equals(event.path("specversion").textValue())) {
                redacted.put("specversion", "1.0");
            }
            keep(redacted, event, "id");
            keep(redacted, event, "source");
            String type = event.path("type").textValue();
            if (type != null && isContractType(type)) {
                redacted.put("type", type);
            }
            String time = event.path("time").textValue();
            if (time != null && isTimestamp(time)) {
                redacted.put("time", time);
            }
        }
        redacted.putObject("data").put("redacted", NOTICE);
        try {
            return JSON.writeValueAsBytes(redacted);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Spring Kafka's headers and Doorstroom's, a valid traceparent, and nothing else the sender wrote; the reason
     * headers say what {@link #reason} says.
     */
    Headers headers(Headers original, String topic, Throwable failure) {
        Headers kept = new RecordHeaders();
        String reason = reason(topic, failure);
        for (Header header : original) {
            String name = header.key();
            if (name.equals(KafkaHeaders.DLT_EXCEPTION_STACKTRACE) || name.equals(KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE)) {
                continue;
            }
            if (name.equals(DeadLetterPublishing.REASON_HEADER) || name.equals(KafkaHeaders.DLT_EXCEPTION_MESSAGE)) {
                kept.add(name, reason.getBytes(StandardCharsets.UTF_8));
            } else if (name.startsWith("kafka_dlt-") && !name.startsWith("kafka_dlt-key-exception-message")
                    || name.startsWith("doorstroom_dlt-")
                    || name.equals(Traceparent.HEADER) && Traceparent.isValid(new String(header.value(), StandardCharsets.UTF_8))) {
                kept.add(header);
            }
        }
        kept.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        kept.add(REDACTED_HEADER, "data".getBytes(StandardCharsets.UTF_8));
        return kept;
    }

    private static JsonNode readObject(Object value) {
        byte[] bytes = value instanceof byte[] b ? b : value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        if (bytes == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static void keep(ObjectNode redacted, JsonNode event, String attribute) {
        String value = event.path(attribute).textValue();
        if (value != null && value.length() <= MAX_ATTRIBUTE_LENGTH && value.indexOf('\u0000') < 0) {
            redacted.put(attribute, value);
        }
    }

    static boolean isContractType(String type) {
        try {
            return ContractSchemas.isKnown(ContractSchemas.Direction.INBOUND, type)
                    || ContractSchemas.isKnown(ContractSchemas.Direction.PUBLISHED, type);
        } catch (IllegalArgumentException notATypeName) {
            return false;
        }
    }

    private static boolean isTimestamp(String time) {
        try {
            OffsetDateTime.parse(time);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
