package nl.doorstroom.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The JSON Schemas of every message type that crosses a service boundary: the events Doorstroom
 * publishes ({@code contracts/published/<type>.schema.json}) and the messages it accepts from COA and IND
 * ({@code contracts/inbound/<type>.schema.json}). A type name carries its version, e.g.
 * {@code nl.doorstroom.capacity.CnoLocationOpened.v1}.
 */
public final class ContractSchemas {

    public enum Direction { PUBLISHED, INBOUND }

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> DATE_FIELDS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Types found among the schemas; only those, so that unknown names sent from outside cannot fill it. */
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final int MAX_FIELD_NAME = 64;

    private ContractSchemas() {
    }

    public static boolean isKnown(Direction direction, String type) {
        // every inbound message asks; a resource lookup in the nested jar costs more than validating the message
        String resource = resource(direction, type);
        if (KNOWN.contains(resource)) {
            return true;
        }
        boolean known = ContractSchemas.class.getResource(resource) != null;
        if (known) {
            KNOWN.add(resource);
        }
        return known;
    }

    /**
     * The violations of the data against the schema of its type, each naming the field by its JSON pointer and never
     * quoting the field's value (it may be a BSN or a name sent where the schema forbids it); empty when valid.
     */
    public static List<String> violations(Direction direction, String type, JsonNode data) {
        String resource = resource(direction, type);
        Schema schema = CACHE.computeIfAbsent(resource, ContractSchemas::read);
        List<String> violations = new ArrayList<>(schema.validate(data).stream().map(ContractSchemas::describe).toList());
        for (String pointer : DATE_FIELDS.computeIfAbsent(resource, ContractSchemas::dateFields)) {
            JsonNode value = data.at(pointer);
            if (value.isTextual() && !isDate(value.textValue())) {
                violations.add(pointer + ": is not a date (format: date, yyyy-mm-dd)");
            }
        }
        return violations;
    }

    /**
     * The JSON pointers of the fields whose schema says {@code format: date}. The validator treats a format as an
     * annotation (JSON Schema 2020-12), so a value that is no date passed and failed later in the consumer's date
     * parser, whose message quotes it (a birth date where a date of housing belongs is personal data). The services read
     * every such field as a date, so refusing here accepts nothing less than they could process.
     */
    private static List<String> dateFields(String resource) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream(resource)) {
            List<String> pointers = new ArrayList<>();
            collectDateFields(JSON.readTree(in), "", pointers);
            return List.copyOf(pointers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectDateFields(JsonNode schema, String pointer, List<String> pointers) {
        if ("date".equals(schema.path("format").asText(null))) {
            pointers.add(pointer);
        }
        schema.path("properties").fields().forEachRemaining(property ->
                collectDateFields(property.getValue(), pointer + "/" + property.getKey().replace("~", "~0").replace("/", "~1"),
                        pointers));
    }

    private static boolean isDate(String text) {
        try {
            // RFC 3339 full-date: four-digit year, strict (no 30 February)
            return text.length() == 10 && LocalDate.parse(text) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String describe(com.networknt.schema.Error error) {
        String location = error.getInstanceLocation().toString();
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            // the library points at the object; the field that is not allowed is what the sender must remove
            return location + "/" + pointerToken(error.getProperty()) + ": is not allowed (the schema is closed)";
        }
        String message = error.getMessage();
        JsonNode value = error.getInstanceNode();
        // the library's messages quote the schema, not the value; should one ever quote the value, say only the rule
        if (value != null && value.isValueNode() && value.asText().length() >= 3 && message.contains(value.asText())) {
            message = "fails the schema's " + error.getKeyword();
        }
        return (location.isEmpty() ? "/" : location) + ": " + message;
    }

    /** A field name as a JSON pointer token (RFC 6901), shortened: it is the sender's text and goes into a header. */
    private static String pointerToken(String name) {
        String token = name.replace("~", "~0").replace("/", "~1").replace("\u0000", "\\u0000");
        return token.length() > MAX_FIELD_NAME ? token.substring(0, MAX_FIELD_NAME) + "..." : token;
    }

    /**
     * What is wrong with a published CloudEvent as a consumer would read it: an unknown type, or data that does not
     * match the type's schema. Empty when it honours the contract.
     */
    public static List<String> publishedEventViolations(JsonNode cloudEvent) {
        String type = cloudEvent.path("type").asText();
        if (!isKnown(Direction.PUBLISHED, type)) {
            return List.of("type: no published contract named '" + type + "'");
        }
        return violations(Direction.PUBLISHED, type, cloudEvent.path("data"));
    }

    private static Schema read(String resource) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract schema at " + resource);
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(Direction direction, String type) {
        if (!TYPE_NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("not a contract type name: " + type);
        }
        return "/contracts/" + direction.name().toLowerCase() + "/" + type + ".schema.json";
    }
}
