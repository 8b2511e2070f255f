package nl.doorstroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.contracts.ContractSchemas;
import nl.doorstroom.contracts.catalogue.CatalogueEntry;
import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import nl.doorstroom.local.LocalStack;
import nl.doorstroom.testsupport.TestCloudEvents;
import nl.doorstroom.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.doorstroom.e2e.StackClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as the README's run command starts it: embedded durable PostgreSQL, the in-process Kafka broker,
 * every service's own jar as a process, the gateway in front. Driven only through the gateway and the Kafka topics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = StackClient.JSON;
    private static final String LOCATION = "CNO-E2E-" + UUID.randomUUID();

    @TempDir
    static Path data;
    static StackClient client;
    static LocalStack.Settings settings;
    static LocalStack stack;

    @BeforeAll
    static void startTheStack() throws Exception {
        client = StackClient.forTest(data, Map.of());
        settings = client.settings;
        stack = LocalStack.start(settings);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void every_service_is_healthy_behind_the_gateway() throws Exception {
        for (String route : List.of("capacity", "housing", "finance", "deadlines")) {
            assertThat(client.get("/api/" + route + "/actuator/health/readiness").statusCode()).as(route).isEqualTo(200);
        }
    }

    @Test
    @Order(1)
    void the_stacks_own_postgresql_writes_durably() throws Exception {
        try (var connection = DriverManager.getConnection(stack.postgresUrl() + "/doorstroom_capacity", "postgres", "");
             var result = connection.createStatement().executeQuery(
                     "select current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
            assertThat(result.next()).isTrue();
            assertThat(List.of(result.getString(1), result.getString(2), result.getString(3))).containsOnly("on");
        }
    }

    @Test
    @Order(2)
    void a_cno_location_opened_through_the_gateway_shows_in_its_region_on_kafka_and_in_prometheus() throws Exception {
        HttpResponse<String> created = client.post("/api/capacity/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR01","name":"Sporthal Zuidlaren","places":225,"occurredOn":"2022-09-01"}"""
                .formatted(LOCATION));
        assertThat(created.statusCode()).isEqualTo(201);
        // the Location is a gateway path an integrator can follow as it is
        String location = created.headers().firstValue("location").orElseThrow();
        assertThat(location).isEqualTo("/api/capacity/locations/" + LOCATION);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(json(client.get(location)).get("places").get("ASIELZOEKERS").asInt()).isEqualTo(225));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(json(client.get("/api/capacity/regions/VR01")).get("realised").asInt()).isEqualTo(225));

        List<ConsumerRecord<String, byte[]>> published = TopicReader.readUntil(stack.kafkaBootstrapServers(),
                "doorstroom.capacity.events", r -> LOCATION.equals(r.key()), PATIENCE);
        JsonNode event = JSON.readTree(TopicReader.text(published.stream().filter(r -> LOCATION.equals(r.key())).findFirst().orElseThrow()));
        assertThat(event.get("type").asText()).isEqualTo("nl.doorstroom.capacity.CnoLocationOpened.v1");
        assertThat(ContractSchemas.publishedEventViolations(event)).isEmpty();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(client.prometheus("capacity"))
                .contains("doorstroom_cno_places_realised_places{service=\"capacity\",veiligheidsregio=\"VR01\"} 225"));
    }

    @Test
    @Order(3)
    void coa_reports_on_its_topic_reach_the_national_figures() throws Exception {
        String location = "COA-E2E-" + UUID.randomUUID();
        TopicReader.send(stack.kafkaBootstrapServers(), "coa.locaties.v1", location, TestCloudEvents.structured(
                "nl.coa.locaties.LocatieGeopend.v1", """
                {"locatieId":"%s","naam":"Ter Apel","plaatsen":{"ASIELZOEKERS":2000},"datum":"2022-08-26"}""".formatted(location))
                .getBytes(StandardCharsets.UTF_8));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode national = json(client.get("/api/capacity/national"));
            assertThat(national.get("coaPlacesNeeded").asInt()).isEqualTo(51_000);
            assertThat(national.get("perDoelgroep").get("ASIELZOEKERS").get("places").asInt()).isGreaterThanOrEqualTo(2000);
        });
    }

    @Test
    @Order(3)
    void the_services_registers_together_hold_every_commitment_of_the_catalogue_exactly_once() throws Exception {
        List<String> refs = new ArrayList<>();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            refs.clear();
            for (String route : List.of("capacity", "housing", "finance", "deadlines")) {
                json(client.get("/api/" + route + "/commitments")).forEach(c -> refs.add(c.get("ref").asText()));
            }
            assertThat(refs).containsExactlyInAnyOrderElementsOf(
                    CommitmentCatalogue.load().commitments().stream().map(CatalogueEntry::ref).toList());
        });
    }

    @Test
    @Order(4)
    void the_gateway_composes_the_whole_register_in_the_agreements_order_each_article_once_with_its_owner() throws Exception {
        List<String> catalogue = CommitmentCatalogue.load().commitments().stream().map(CatalogueEntry::ref).toList();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode register = json(client.get("/api/commitments"));
            List<String> refs = new ArrayList<>();
            register.forEach(c -> {
                refs.add(c.get("ref").asText());
                assertThat(c.get("service").asText()).as(c.get("ref").asText()).isIn("capacity", "housing", "finance", "deadline");
                assertThat(c.get("status").asText()).as(c.get("ref").asText()).isNotBlank();
            });
            assertThat(refs).containsExactlyElementsOf(catalogue);
        });
        JsonNode housingOnly = json(client.get("/api/commitments?service=housing"));
        assertThat(housingOnly.findValuesAsText("service")).isNotEmpty().containsOnly("housing");
        JsonNode owedByRijk = json(client.get("/api/commitments?party=RIJK"));
        owedByRijk.forEach(c -> assertThat(c.get("owedBy").toString()).contains("RIJK"));
        assertThat(json(client.get("/api/commitments/III.12.4")).get("service").asText()).isEqualTo("housing");
        assertThat(client.get("/api/commitments/III.99").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void a_commitment_reads_through_the_gateway_as_known_before_a_report_and_after_with_its_history() throws Exception {
        Instant beforeReport = Instant.now();
        Thread.sleep(50);
        HttpResponse<String> reported = client.postAs("rijk", "/api/capacity/commitments/III.7.1/progress", """
                {"status":"MET","note":"Locaties onder de normale standaard aanvaard","reportedBy":"RIJK","occurredOn":"2022-09-15"}""");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(json(client.getAs("analyst", "/api/commitments/III.7.1")).get("status").asText()).isEqualTo("MET"));
        JsonNode now = json(client.getAs("analyst", "/api/commitments/III.7.1"));
        assertThat(now.get("why").get("basis").asText()).isEqualTo("REPORTED");
        JsonNode knownBefore = json(client.getAs("analyst", "/api/commitments/III.7.1?knownAt=" + beforeReport));
        assertThat(knownBefore.get("status").asText()).as("as recorded before the report").isEqualTo("OPEN");
        JsonNode validBefore = json(client.getAs("analyst", "/api/commitments/III.7.1?validAt=2022-09-14"));
        assertThat(validBefore.get("status").asText()).as("as it was the day before the date reported").isEqualTo("OPEN");

        JsonNode history = json(client.getAs("analyst", "/api/commitments/III.7.1/history"));
        assertThat(history).anySatisfy(entry -> {
            assertThat(entry.get("eventType").asText()).contains("CommitmentProgressReported");
            assertThat(entry.get("occurredOn").asText()).isEqualTo("2022-09-15");
            assertThat(Instant.parse(entry.get("recordedAt").asText())).isAfter(beforeReport);
            assertThat(entry.get("causedBy").asText()).isEqualTo("RIJK");
        });

        HttpResponse<String> malformed = client.getAs("analyst", "/api/commitments/III.7.1?knownAt=yesterday");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(malformed.body()).contains("knownAt").doesNotContain("Exception");
    }

    @Test
    @Order(4)
    void status_holders_housed_by_rest_or_reported_by_coa_count_in_housing_and_as_outflow_from_reception_in_capacity() throws Exception {
        long outflowBefore = json(client.get("/api/capacity/national")).get("statushoudersOutflow").asLong();
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        HttpResponse<String> housed = client.postAs("gemeente-GM0363", "/api/housing/municipalities/GM0363/housings", """
                {"persons":25,"housingForm":"REGULIERE_WONINGVOORRAAD","period":"2022-H2","occurredOn":"2022-10-03"}""",
                Map.of("traceparent", traceparent));
        assertThat(housed.statusCode()).as(housed.body()).isBetween(200, 299);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(json(client.get("/api/capacity/national")).get("statushoudersOutflow").asLong()).isEqualTo(outflowBefore + 25));

        // one trace from the gateway through housing-service, its Kafka record, into capacity-service's own event
        List<ConsumerRecord<String, byte[]>> housingEvents = TopicReader.readUntil(stack.kafkaBootstrapServers(),
                "doorstroom.housing.events", r -> traceparent.equals(TopicReader.header(r, "traceparent")), PATIENCE);
        assertThat(housingEvents).anySatisfy(r -> assertThat(TopicReader.header(r, "traceparent")).isEqualTo(traceparent));
        try (var connection = DriverManager.getConnection(stack.postgresUrl() + "/doorstroom_capacity", "postgres", "");
             var query = connection.prepareStatement(
                     "select count(*) from domain_event where aggregate_identifier = 'GM0363' and meta_data ->> 'traceparent' = ?")) {
            query.setString(1, traceparent);
            var result = query.executeQuery();
            result.next();
            assertThat(result.getInt(1)).isEqualTo(1);
        }

        // COA reports a status holder housed on its topic: housing counts it, capacity sees the outflow
        String zaak = "Z-" + UUID.randomUUID();
        TopicReader.send(stack.kafkaBootstrapServers(), "coa.statushouders.v1", zaak, TestCloudEvents.structured(
                "nl.coa.statushouders.StatushouderGehuisvest.v1", """
                {"zaakId":"%s","gemeente":"GM0014","datum":"2022-10-04","huisvestingsvorm":"TUSSENVOORZIENING","aantalPersonen":3}"""
                        .formatted(zaak)).getBytes(StandardCharsets.UTF_8));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(json(client.get("/api/housing/periods/2022-H2/municipalities/GM0014")).get("housed").asLong()).isEqualTo(3);
            assertThat(json(client.get("/api/capacity/national")).get("statushoudersOutflow").asLong()).isEqualTo(outflowBefore + 28);
        });
    }

    @Test
    @Order(5)
    void with_one_service_down_its_routes_answer_503_naming_it_quickly_and_the_others_still_work() throws Exception {
        stack.stop("housing-service");

        long started = System.nanoTime();
        HttpResponse<String> down = client.get("/api/housing/commitments");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(down.body()).get("service").asText()).isEqualTo("housing");
        assertThat(millis).as("answered in %d ms", millis).isLessThan(5_000);

        HttpResponse<String> register = client.get("/api/commitments");
        assertThat(register.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(register.body()).get("service").asText()).isEqualTo("housing");

        assertThat(client.get("/api/capacity/regions/VR01").statusCode()).isEqualTo(200);
        assertThat(client.get("/api/finance/commitments").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void what_was_recorded_survives_a_restart_of_the_whole_stack() throws Exception {
        stack.close();
        stack = LocalStack.start(settings);
        JsonNode region = json(client.get("/api/capacity/regions/VR01"));
        assertThat(region.get("realised").asInt()).isEqualTo(225);
        assertThat(json(client.get("/api/capacity/locations/" + LOCATION)).get("status").asText()).isEqualTo("OPEN");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(client.prometheus("capacity"))
                .contains("doorstroom_cno_places_realised_places{service=\"capacity\",veiligheidsregio=\"VR01\"} 225"));
    }
}
