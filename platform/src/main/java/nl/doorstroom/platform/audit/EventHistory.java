package nl.doorstroom.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The events of one aggregate as an auditor reads them: both times (the business date it is about, the moment it was
 * recorded), the party that caused it when known, the request it came from, and its link in the audit chain.
 */
@Component
public class EventHistory {

    /** Where a party is named: in the event itself (a report's {@code reportedBy}), else in the metadata. */
    private static final List<String> PARTY_FIELDS = List.of("reportedBy", "party", "principal", "user");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public EventHistory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param occurredOn  valid time: the business date the event is about
     * @param recordedAt  recorded time: when the event store took it
     * @param causedBy    the party that caused it, if the event or its metadata names one
     * @param traceparent the W3C trace context of the request or message that caused it (the correlation id)
     * @param hash        its hash in the audit chain; null while it awaits its seal (a moment after it was stored)
     */
    public record Entry(long globalIndex, long sequenceNumber, String eventIdentifier, String eventType,
                        LocalDate occurredOn, Instant recordedAt, String causedBy, String traceparent, JsonNode event,
                        String hash) {
    }

    public List<Entry> of(String aggregateIdentifier) {
        return jdbc.query("""
                        select e.global_index, e.sequence_number, e.event_identifier, e.payload_type, e.time_stamp,
                               e.payload, e.meta_data, c.hash
                        from domain_event_entry e left join event_chain c on c.global_index = e.global_index
                        where e.aggregate_identifier = ? order by e.sequence_number""",
                (rs, i) -> {
                    JsonNode payload = read(rs.getBytes("payload"));
                    JsonNode meta = read(rs.getBytes("meta_data"));
                    byte[] hash = rs.getBytes("hash");
                    return new Entry(rs.getLong("global_index"), rs.getLong("sequence_number"),
                            rs.getString("event_identifier"), AuditController.simpleName(rs.getString("payload_type")),
                            payload != null && payload.hasNonNull("occurredOn") ? LocalDate.parse(payload.get("occurredOn").asText()) : null,
                            Instant.parse(rs.getString("time_stamp")), party(payload, meta),
                            meta != null && meta.hasNonNull("traceparent") ? meta.get("traceparent").asText() : null,
                            payload, hash == null ? null : HexFormat.of().formatHex(hash));
                }, aggregateIdentifier);
    }

    static String party(JsonNode payload, JsonNode meta) {
        for (JsonNode node : new JsonNode[]{payload, meta}) {
            if (node == null) {
                continue;
            }
            for (String field : PARTY_FIELDS) {
                if (node.hasNonNull(field) && node.get(field).isValueNode()) {
                    return node.get(field).asText();
                }
            }
        }
        return null;
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? null : json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
