package nl.doorstroom.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static nl.doorstroom.contracts.ContractSchemas.Direction.INBOUND;
import static nl.doorstroom.contracts.ContractSchemas.Direction.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;

class ContractSchemasTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void every_contract_schema_is_closed_and_named_after_its_versioned_type() throws Exception {
        List<Path> schemas = schemaFiles();
        assertThat(schemas).hasSizeGreaterThan(10);
        for (Path file : schemas) {
            JsonNode schema = json.readTree(file.toFile());
            String type = file.getFileName().toString().replace(".schema.json", "");
            assertThat(type).as(file.toString()).matches(".+\\.v[0-9]+");
            assertThat(schema.path("title").asText()).as(file.toString()).isEqualTo(type);
            assertThat(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean())
                    .as(file + " must forbid additional properties").isTrue();
        }
    }

    @Test
    void an_inbound_message_with_an_unknown_field_or_a_missing_one_is_refused_naming_the_field() throws Exception {
        JsonNode valid = json.readTree("""
                {"locatieId":"COA-TER-APEL","naam":"Ter Apel","plaatsen":{"ASIELZOEKERS":2000},"datum":"2022-08-26"}""");
        assertThat(ContractSchemas.violations(INBOUND, "nl.coa.locaties.LocatieGeopend.v1", valid)).isEmpty();

        JsonNode withName = json.readTree("""
                {"locatieId":"COA-TER-APEL","naam":"Ter Apel","plaatsen":{"ASIELZOEKERS":2000},"datum":"2022-08-26","bsn":"123456782"}""");
        assertThat(ContractSchemas.violations(INBOUND, "nl.coa.locaties.LocatieGeopend.v1", withName))
                .anySatisfy(v -> assertThat(v).contains("bsn"));

        JsonNode negative = json.readTree("""
                {"locatieId":"COA-TER-APEL","bezetting":{"ASIELZOEKERS":-1},"peildatum":"2022-08-26"}""");
        assertThat(ContractSchemas.violations(INBOUND, "nl.coa.bezetting.BezettingGemeld.v1", negative))
                .anySatisfy(v -> assertThat(v).contains("ASIELZOEKERS"));
    }

    @Test
    void unknown_types_are_not_known() {
        assertThat(ContractSchemas.isKnown(PUBLISHED, "nl.doorstroom.capacity.CnoLocationOpened.v1")).isTrue();
        assertThat(ContractSchemas.isKnown(PUBLISHED, "nl.doorstroom.capacity.CnoLocationOpened.v9")).isFalse();
    }

    @Test
    void a_published_cloudevent_of_an_unknown_type_or_with_data_off_contract_is_named_as_such() throws Exception {
        JsonNode valid = json.readTree("""
                {"type":"nl.doorstroom.capacity.CnoLocationClosed.v1","data":{"locationId":"L1","veiligheidsregio":"VR01","occurredOn":"2023-01-01"}}""");
        assertThat(ContractSchemas.publishedEventViolations(valid)).isEmpty();
        JsonNode unknown = json.readTree("""
                {"type":"nl.doorstroom.capacity.CnoLocationClosed.v7","data":{}}""");
        assertThat(ContractSchemas.publishedEventViolations(unknown)).singleElement().asString().startsWith("type:");
        JsonNode offContract = json.readTree("""
                {"type":"nl.doorstroom.capacity.CnoLocationClosed.v1","data":{"locationId":"L1","occurredOn":"2023-01-01"}}""");
        assertThat(ContractSchemas.publishedEventViolations(offContract)).anySatisfy(v -> assertThat(v).contains("veiligheidsregio"));
    }

    private static List<Path> schemaFiles() throws URISyntaxException, IOException {
        Path root = Path.of(ContractSchemas.class.getResource("/contracts").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".schema.json")).toList();
        }
    }
}
