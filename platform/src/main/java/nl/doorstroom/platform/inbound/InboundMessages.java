package nl.doorstroom.platform.inbound;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import nl.doorstroom.contracts.ContractSchemas;
import nl.doorstroom.platform.time.BusinessDates;
import nl.doorstroom.platform.tracing.Traceparent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.doorstroom.contracts.ContractSchemas.Direction.INBOUND;
import static nl.doorstroom.contracts.ContractSchemas.Direction.PUBLISHED;

/**
 * The inbound path every consumer takes: read the record as a CloudEvent, check its type and schema, and apply
 * its effect exactly once — the message id is stored in the same transaction as the effect.
 */
@Component
public class InboundMessages {

    static final int MAX_IDENTITY_LENGTH = 255;
    private static final List<String> BUSINESS_DAYS = List.of("datum", "peildatum");
    private static final Pattern MISSING_ATTRIBUTE = Pattern.compile("Missing mandatory [a-z]+ attribute");
    private static final Pattern INVALID_ATTRIBUTE = Pattern.compile("Invalid attribute/extension value for \"([a-z0-9]{1,20})\"");
    private static final EventFormat CLOUD_EVENT_JSON = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    /** The source of identities recorded before the source was part of the key (V5): they match their id from any source. */
    static final String SOURCE_NOT_RECORDED = "";

    /**
     * Records the identity unless it is there already, also as a row from before the source was recorded: one
     * statement. Through JPA it took two queries and a flush of the poll's whole session per message, a third of an
     * inbound consumer's CPU (profiled, issue 13). A second sender of the same identity waits for the first one's
     * transaction and then inserts nothing.
     */
    private static final String RECORD_ONCE = """
            insert into processed_message (source, message_id, topic, type, processed_at)
            select ?, ?, ?, ?, ?
            where not exists (select 1 from processed_message where source = ? and message_id = ?)
            on conflict do nothing""";

    private final JdbcTemplate processed;
    private final ObjectMapper json;
    private final Clock clock;

    public InboundMessages(JdbcTemplate processed, ObjectMapper json, Clock clock) {
        this.processed = processed;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Reads a message from a topic that carries only types this service accepts (COA's and IND's topics).
     *
     * @throws RejectedMessage when the record can never be processed, naming why
     */
    public InboundMessage read(ConsumerRecord<String, byte[]> record, Set<String> acceptedTypes) {
        CloudEvent event = cloudEvent(record);
        if (!acceptedTypes.contains(event.getType())) {
            throw new RejectedMessage("type " + typeNamed(event.getType()) + " is not accepted on " + record.topic() + "; accepted: " + acceptedTypes);
        }
        return validated(record, event);
    }

    /**
     * Reads a message from another Doorstroom service's topic, which carries every event that service publishes:
     * types this service does not use are skipped (empty), not dead-lettered.
     *
     * @throws RejectedMessage when the record is not a valid CloudEvent of its published contract
     */
    public Optional<InboundMessage> readIfAccepted(ConsumerRecord<String, byte[]> record, Set<String> acceptedTypes) {
        CloudEvent event = cloudEvent(record);
        return acceptedTypes.contains(event.getType()) ? Optional.of(validated(record, event)) : Optional.empty();
    }

    private static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new RejectedMessage("empty record");
        }
        try {
            return CLOUD_EVENT_JSON.deserialize(record.value());
        } catch (RuntimeException e) {
            throw new RejectedMessage("not a CloudEvent in structured JSON: " + withoutValues(e), e);
        }
    }

    /** The type as the reason names it: a contract's type name, else not at all (the sender's text may be anything). */
    private static String typeNamed(String type) {
        return DeadLetterRedaction.isContractType(type) ? type : "(not a contract type)";
    }

    /**
     * What Jackson or the CloudEvents reader found wrong, without the text it quotes ("Unrecognized token 'Jansen'",
     * "Invalid specversion: ..."): a wrong message may hold personal data, and the reason goes into a header and a log.
     */
    static String withoutValues(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                String what = json.getOriginalMessage() == null ? "" : json.getOriginalMessage();
                Matcher missing = MISSING_ATTRIBUTE.matcher(what);
                Matcher invalid = INVALID_ATTRIBUTE.matcher(what);
                String kind = missing.lookingAt() ? missing.group()
                        : invalid.lookingAt() ? "invalid value of attribute " + invalid.group(1)
                        : what.startsWith("Invalid specversion") ? "invalid specversion"
                        : t instanceof JsonParseException ? "not JSON"
                        : t.getClass().getSimpleName();
                JsonLocation at = json.getLocation();
                return at == null ? kind : kind + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private InboundMessage validated(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        storable("id", event.getId());
        storable("source", event.getSource().toString());
        if (event.getData() == null) {
            throw new RejectedMessage("CloudEvent " + event.getId() + " has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new RejectedMessage("data is not JSON: " + withoutValues(e), e);
        }
        // before the schema, so the reason names the field and not only a pattern it failed
        nulCharacter(data, "").ifPresent(pointer -> {
            throw new RejectedMessage(pointer + ": contains U+0000 (NUL), which PostgreSQL cannot store as text");
        });
        // COA's and IND's messages have inbound schemas; other services' events are checked against their published contract
        ContractSchemas.Direction direction = ContractSchemas.isKnown(INBOUND, event.getType()) ? INBOUND : PUBLISHED;
        List<String> violations = ContractSchemas.violations(direction, event.getType(), data);
        if (!violations.isEmpty()) {
            throw new RejectedMessage("data does not match " + event.getType() + ": " + String.join("; ", violations));
        }
        if (direction == INBOUND) {
            notAfterToday(data);
        }
        return new InboundMessage(record.topic(), event.getId(), event.getType(), event.getSource().toString(), event.getTime(),
                data, traceparentOf(record, event));
    }

    /**
     * COA's and IND's business dates (a day, {@code datum} or {@code peildatum}; an ISO week, {@code week}, dated on its
     * Monday) lie no later than today on the business clock: a report from the future can never become true by retrying.
     * Their schemas have checked the formats already.
     */
    private void notAfterToday(JsonNode data) {
        LocalDate today = BusinessDates.today(clock);
        for (String field : BUSINESS_DAYS) {
            if (data.path(field).isTextual()) {
                String text = data.get(field).asText();
                LocalDate day;
                try {
                    day = LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new RejectedMessage("/" + field + ": is not a date such as 2022-09-01");
                }
                if (day.isAfter(today)) {
                    throw new RejectedMessage("/" + field + ": " + BusinessDates.NOT_AFTER_TODAY + " (today is " + today + ")");
                }
            }
        }
        if (data.path("week").isTextual()) {
            String week = data.get("week").asText();
            LocalDate monday = BusinessDates.mondayOf(week);
            if (monday.isAfter(today)) {
                throw new RejectedMessage("/week: begins after today and " + BusinessDates.NOT_AFTER_TODAY + " (today is " + today + ")");
            }
        }
    }

    /** The identity goes into {@code processed_message} (varchar 255) as it is. */
    private static void storable(String attribute, String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw new RejectedMessage("CloudEvent " + attribute + " contains U+0000 (NUL), which PostgreSQL cannot store as text");
        }
        if (value.length() > MAX_IDENTITY_LENGTH) {
            throw new RejectedMessage("CloudEvent " + attribute + " is longer than " + MAX_IDENTITY_LENGTH + " characters");
        }
    }

    /** The JSON pointer (RFC 6901) of the first field name or string value holding U+0000, if any. */
    static Optional<String> nulCharacter(JsonNode node, String pointer) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0 ? Optional.of(pointer.isEmpty() ? "/" : pointer) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = nulCharacter(node.get(i), pointer + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                // U+0000 in a name is shown escaped: the pointer goes into a log line and a header
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1").replace("\u0000", "\\u0000");
                if (field.getKey().indexOf('\u0000') >= 0) {
                    return Optional.of(child);
                }
                Optional<String> found = nulCharacter(field.getValue(), child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String traceparentOf(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        Object extension = event.getExtension(Traceparent.HEADER);
        if (extension != null && Traceparent.isValid(extension.toString())) {
            return extension.toString();
        }
        var header = record.headers().lastHeader(Traceparent.HEADER);
        String value = header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
        return Traceparent.isValid(value) ? value : null;
    }

    /**
     * Applies the effect unless this message was processed before. A message is known by its CloudEvents identity,
     * source together with id: two senders may use the same id. The identity and the effect commit together, so a
     * redelivery after a crash either finds both or neither.
     *
     * @return whether the effect was applied
     */
    @Transactional
    public boolean once(InboundMessage message, Runnable effect) {
        int recorded = processed.update(RECORD_ONCE, message.source(), message.id(), message.topic(), message.type(),
                Timestamp.from(clock.instant()), SOURCE_NOT_RECORDED, message.id());
        if (recorded == 0) {
            return false;
        }
        Traceparent.with(message.traceparent() != null ? message.traceparent() : Traceparent.generate(), () -> {
            effect.run();
            return null;
        });
        return true;
    }
}
