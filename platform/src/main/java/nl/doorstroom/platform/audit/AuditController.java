package nl.doorstroom.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit trail of this service's event store, for auditors (under {@code /admin/**}): the chain recomputed here,
 * and the events with their hashes exported, so that {@code tools/AuditVerifier.java} can recompute it elsewhere.
 */
@RestController
@RequestMapping("/admin/audit")
@Validated
@Tag(name = "audit", description = "Tamper evidence of the event store and export of its history")
public class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final HexFormat HEX = HexFormat.of();

    private final AuditChain chain;
    private final ObjectMapper json;

    public AuditController(AuditChain chain, ObjectMapper json) {
        this.chain = chain;
        this.json = json;
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the hash chain over every event; names the first event where it breaks",
            description = "Seals every event committed by now first; seal=false checks the chain as it stands and counts "
                    + "the events awaiting their seal in pendingSeal")
    public AuditVerification verify(@RequestParam(defaultValue = "true") boolean seal) {
        return chain.verify(seal);
    }

    @GetMapping("/export")
    @Operation(summary = "The events recorded in [from, to) with their chain hashes, as NDJSON (verifiable offline) or CSV")
    @ApiResponse(responseCode = "200", description = "One line per event, in the order of the chain",
            content = {@Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    public ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "ndjson") @Pattern(regexp = "ndjson|csv") String format) {
        boolean csv = format.equals("csv");
        // the export holds chained events only: seal what has committed so that it is in
        chain.sealCommitted();
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                writer.write("position,global_index,recorded_at,occurred_on,aggregate_identifier,sequence_number,event_type,"
                        + "event_identifier,reported_by,traceparent,payload,hash\n");
            }
            try {
                chain.forEach(from, to, event -> write(writer, event, csv));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"events." + format + "\"")
                .body(body);
    }

    private void write(Writer writer, ChainedEvent event, boolean csv) {
        try {
            writer.write(csv ? csvLine(event) : ndjsonLine(event));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored fields exactly (payload and metadata in base64), so the hash can be recomputed from the line alone. */
    private String ndjsonLine(ChainedEvent e) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("position", e.position());
        line.put("globalIndex", e.globalIndex());
        line.put("eventIdentifier", e.eventIdentifier());
        line.put("aggregateIdentifier", e.aggregateIdentifier());
        line.put("sequenceNumber", e.sequenceNumber());
        line.put("type", e.type());
        line.put("timeStamp", e.timeStamp());
        line.put("payloadType", e.payloadType());
        line.put("payloadRevision", e.payloadRevision());
        line.put("payload", e.payload() == null ? null : Base64.getEncoder().encodeToString(e.payload()));
        line.put("metaData", e.metaData() == null ? null : Base64.getEncoder().encodeToString(e.metaData()));
        line.put("previousHash", HEX.formatHex(e.previousHash()));
        line.put("hash", HEX.formatHex(e.hash()));
        return json.writeValueAsString(line);
    }

    /** For reading in a spreadsheet: both times, who and which request caused it, the payload as JSON text. */
    private String csvLine(ChainedEvent e) throws IOException {
        JsonNode payload = e.payload() == null ? null : json.readTree(e.payload());
        JsonNode meta = e.metaData() == null ? null : json.readTree(e.metaData());
        return String.join(",", Long.toString(e.position()), Long.toString(e.globalIndex()), cell(e.timeStamp()),
                cell(text(payload, "occurredOn")), cell(e.aggregateIdentifier()),
                e.sequenceNumber() == null ? "" : e.sequenceNumber().toString(), cell(simpleName(e.payloadType())),
                cell(e.eventIdentifier()), cell(EventHistory.party(payload, meta)), cell(text(meta, "traceparent")),
                cell(payload == null ? null : payload.toString()), HEX.formatHex(e.hash()));
    }

    static String simpleName(String payloadType) {
        if (payloadType == null) {
            return null;
        }
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quoted = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
