package nl.doorstroom.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.contracts.deadline.DeadlineEventsV1;
import nl.doorstroom.contracts.finance.FinanceEventsV1;
import nl.doorstroom.contracts.housing.HousingEventsV1;
import nl.doorstroom.contracts.register.RegisterEventsV1;
import nl.doorstroom.contracts.register.RegisterEventsV2;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Test
    void every_published_contract_record_has_a_schema_naming_exactly_its_fields() throws Exception {
        List<Class<?>> contracts = Stream.of(CapacityEventsV1.class, DeadlineEventsV1.class, FinanceEventsV1.class,
                        HousingEventsV1.class, RegisterEventsV1.class, RegisterEventsV2.class)
                .flatMap(holder -> Stream.of(holder.getDeclaredClasses()))
                .filter(c -> c.isRecord() && Stream.of(c.getRecordComponents()).anyMatch(rc -> rc.getName().equals("occurredOn")))
                .toList();
        assertThat(contracts).extracting(Class::getSimpleName).contains("StatushoudersHoused", "StatushoudersHousingCorrected");
        for (Class<?> contract : contracts) {
            String prefix = (String) contract.getDeclaringClass().getField("TYPE_PREFIX").get(null);
            String type = prefix + contract.getSimpleName() + ".v" + contract.getDeclaringClass().getSimpleName().replaceFirst(".*EventsV", "");
            assertThat(ContractSchemas.isKnown(PUBLISHED, type)).as(type).isTrue();
            JsonNode schema = json.readTree(ContractSchemas.class.getResource("/contracts/published/" + type + ".schema.json"));
            List<String> fields = Stream.of(contract.getRecordComponents()).map(RecordComponent::getName).toList();
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as(type).containsExactlyInAnyOrderElementsOf(fields);
        }
    }

    @Test
    void a_housing_correction_is_published_with_both_counts_and_a_reason() throws Exception {
        String type = HousingEventsV1.type(HousingEventsV1.StatushoudersHousingCorrected.class);
        assertThat(type).isEqualTo("nl.doorstroom.housing.StatushoudersHousingCorrected.v1");
        JsonNode valid = json.readTree("""
                {"type":"%s","data":{"gemeente":"GM1774","provincie":"PV23","period":"2022-H2",
                 "housingForm":"REGULIERE_WONINGVOORRAAD","from":40,"to":35,"reason":"vijf personen dubbel geteld",
                 "occurredOn":"2022-12-15"}}""".formatted(type));
        assertThat(ContractSchemas.publishedEventViolations(valid)).isEmpty();

        JsonNode toZero = json.readTree("""
                {"type":"%s","data":{"gemeente":"GM1774","provincie":"PV23","period":"2022-H2",
                 "housingForm":"FLEXWONING","from":3,"to":0,"reason":"niet gehuisvest","occurredOn":"2022-12-15"}}""".formatted(type));
        assertThat(ContractSchemas.publishedEventViolations(toZero)).isEmpty();

        JsonNode withoutReason = json.readTree("""
                {"type":"%s","data":{"gemeente":"GM1774","provincie":"PV23","period":"2022-H2",
                 "housingForm":"REGULIERE_WONINGVOORRAAD","from":40,"to":35,"occurredOn":"2022-12-15"}}""".formatted(type));
        assertThat(ContractSchemas.publishedEventViolations(withoutReason)).anySatisfy(v -> assertThat(v).contains("reason"));

        JsonNode negative = json.readTree("""
                {"type":"%s","data":{"gemeente":"GM1774","provincie":"PV23","period":"2022-H2",
                 "housingForm":"REGULIERE_WONINGVOORRAAD","from":40,"to":-5,"reason":"x","occurredOn":"2022-12-15"}}""".formatted(type));
        assertThat(ContractSchemas.publishedEventViolations(negative)).anySatisfy(v -> assertThat(v).contains("to"));
    }

    private static List<Path> schemaFiles() throws URISyntaxException, IOException {
        Path root = Path.of(ContractSchemas.class.getResource("/contracts").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".schema.json")).toList();
        }
    }
}
