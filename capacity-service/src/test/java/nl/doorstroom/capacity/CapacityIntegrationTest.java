package nl.doorstroom.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.capacity.messaging.CoaTopics;
import nl.doorstroom.capacity.messaging.HousingEventsConsumer;
import nl.doorstroom.capacity.projection.CapacityProjection;
import nl.doorstroom.contracts.ContractSchemas;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.platform.outbound.OutboundPublisher;
import nl.doorstroom.testsupport.RealInfrastructure;
import nl.doorstroom.testsupport.TestCloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.doorstroom.testsupport.TopicReader.header;
import static nl.doorstroom.testsupport.TopicReader.readUntil;
import static nl.doorstroom.testsupport.TopicReader.send;
import static nl.doorstroom.testsupport.TopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** capacity-service whole, on a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CapacityServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class CapacityIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void opening_a_cno_location_is_stored_as_json_published_as_a_cloudevent_and_shown_in_the_region() throws Exception {
        String id = "CNO-" + UUID.randomUUID();
        ResponseEntity<String> created = post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR01","name":"Sporthal Zuidlaren","places":225,"occurredOn":"2022-09-01"}"""
                .formatted(id));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/locations/" + id);

        // (a) a row in the event table whose payload is JSON an auditor can read with psql
        String payload = jdbc.queryForObject(
                "select payload::text from domain_event where aggregate_identifier = ?", String.class, id);
        JsonNode stored = json.readTree(payload);
        assertThat(stored.get("places").asInt()).isEqualTo(225);
        assertThat(stored.get("veiligheidsregio").asText()).isEqualTo("VR01");
        assertThat(stored.get("occurredOn").asText()).isEqualTo("2022-09-01");
        String eventId = jdbc.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ?", String.class, id);

        // (b) a CloudEvent on the service's topic, keyed by the location, valid against its published schema
        List<ConsumerRecord<String, byte[]>> records = readUntil(CapacityEventsV1.TOPIC, r -> id.equals(r.key()), PATIENCE);
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        JsonNode cloudEvent = json.readTree(text(record));
        assertThat(cloudEvent.get("specversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.get("id").asText()).isEqualTo(eventId);
        assertThat(cloudEvent.get("type").asText()).isEqualTo("nl.doorstroom.capacity.CnoLocationOpened.v1");
        assertThat(cloudEvent.get("source").asText()).isEqualTo("/doorstroom/capacity");
        assertThat(cloudEvent.get("subject").asText()).isEqualTo(id);
        assertThat(cloudEvent.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(cloudEvent.get("data").get("places").asInt()).isEqualTo(225);
        assertThat(header(record, "content-type")).isEqualTo("application/cloudevents+json");

        // (c) the projection: the location and its veiligheidsregio
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode location = json.readTree(http.getForObject("/locations/" + id, String.class));
            assertThat(location.get("status").asText()).isEqualTo("OPEN");
            assertThat(location.get("places").get("ASIELZOEKERS").asInt()).isEqualTo(225);
        });
        JsonNode region = json.readTree(http.getForObject("/regions/VR01", String.class));
        assertThat(region.get("realised").asLong()).isGreaterThanOrEqualTo(225);
        assertThat(region.get("naam").asText()).isEqualTo("Groningen");
    }

    @Test
    void the_callers_traceparent_is_in_the_events_metadata_and_on_the_published_kafka_record() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String id = "CNO-" + UUID.randomUUID();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("traceparent", traceparent);
        ResponseEntity<String> created = http.postForEntity("/cno-locations", new HttpEntity<>("""
                {"locationId":"%s","veiligheidsregio":"VR09","name":"Jaarbeurs","places":225}""".formatted(id), headers), String.class);
        assertThat(created.getHeaders().getFirst("traceparent")).isEqualTo(traceparent);

        assertThat(jdbc.queryForObject("select meta_data ->> 'traceparent' from domain_event where aggregate_identifier = ?",
                String.class, id)).isEqualTo(traceparent);
        ConsumerRecord<String, byte[]> record = readUntil(CapacityEventsV1.TOPIC, r -> id.equals(r.key()), PATIENCE).stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(header(record, "traceparent")).isEqualTo(traceparent);
        assertThat(json.readTree(text(record)).get("traceparent").asText()).isEqualTo(traceparent);
    }

    @Test
    void every_event_the_service_publishes_matches_its_contract_schema() throws Exception {
        post("/regions/VR02/pledges", """
                {"tranche":1,"places":225,"occurredOn":"2022-08-26"}""");
        String id = "CNO-" + UUID.randomUUID();
        post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR02","name":"Hal","places":100,"belowNormalStandard":true}""".formatted(id));
        post("/cno-locations/" + id + "/occupancy", """
                {"occupied":90,"occurredOn":"2022-09-10"}""");
        post("/cno-locations/" + id + "/handover", """
                {"to":"COA","recipient":"COA","occurredOn":"2023-01-01"}""");

        List<ConsumerRecord<String, byte[]>> records = readUntil(CapacityEventsV1.TOPIC,
                r -> text(r).contains("CnoLocationHandedOver") && id.equals(r.key()), PATIENCE);
        assertThat(records).hasSizeGreaterThanOrEqualTo(4);
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = json.readTree(text(record));
            assertThat(ContractSchemas.publishedEventViolations(event)).as(event.toString()).isEmpty();
        }
    }

    @Test
    void a_malformed_request_gets_400_problem_json_naming_the_field_and_records_nothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        ResponseEntity<String> negative = post("/cno-locations", """
                {"veiligheidsregio":"VR01","name":"Hal","places":-5}""");
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(negative.getBody());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("places");
        assertThat(problem.get("detail").asText()).contains("places");

        ResponseEntity<String> wrongType = post("/cno-locations", """
                {"veiligheidsregio":"VR01","name":"Hal","places":"many"}""");
        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(wrongType.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("places");

        ResponseEntity<String> notJson = post("/cno-locations", "{\"veiligheidsregio\":");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notJson.getBody()).doesNotContain("Exception").doesNotContain("at com.");

        // a report from the future: the business clock has not reached 2031
        ResponseEntity<String> future = post("/cno-locations", """
                {"veiligheidsregio":"VR01","name":"Hal","places":50,"occurredOn":"2031-01-01"}""");
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(future.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("occurredOn");
        assertThat(json.readTree(future.getBody()).get("errors").get(0).get("message").asText()).contains("future");

        ResponseEntity<String> thirdTranche = post("/regions/VR03/pledges", """
                {"tranche":2,"places":225}""");
        assertThat(thirdTranche.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(thirdTranche.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("tranche");

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void a_redelivered_coa_message_changes_nothing() throws Exception {
        String location = "COA-" + UUID.randomUUID();
        send(CoaTopics.LOCATIES, location, coaEvent(UUID.randomUUID().toString(), "nl.coa.locaties.LocatieGeopend.v1", """
                {"locatieId":"%s","naam":"Budel-Cranendonck","plaatsen":{"ASIELZOEKERS":1000},"datum":"2022-09-01"}""".formatted(location)));
        String reassignment = coaEvent(UUID.randomUUID().toString(), "nl.coa.locaties.PlaatsenOmgezet.v1", """
                {"locatieId":"%s","van":"ASIELZOEKERS","naar":"STATUSHOUDERS","aantal":100,"datum":"2022-09-15"}""".formatted(location));
        send(CoaTopics.LOCATIES, location, reassignment);
        send(CoaTopics.LOCATIES, location, reassignment);
        // same key, same partition: once this one shows, both deliveries before it were handled
        String marker = coaEvent(UUID.randomUUID().toString(), "nl.coa.locaties.PlaatsenOmgezet.v1", """
                {"locatieId":"%s","van":"STATUSHOUDERS","naar":"OEKRAIENSE_ONTHEEMDEN","aantal":1,"datum":"2022-09-16"}""".formatted(location));
        send(CoaTopics.LOCATIES, location, marker);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode state = json.readTree(http.getForObject("/locations/" + location, String.class));
            assertThat(state.get("places").get("OEKRAIENSE_ONTHEEMDEN").asInt()).isEqualTo(1);
        });
        JsonNode state = json.readTree(http.getForObject("/locations/" + location, String.class));
        assertThat(state.get("places").get("ASIELZOEKERS").asInt()).isEqualTo(900);
        assertThat(state.get("places").get("STATUSHOUDERS").asInt()).isEqualTo(99);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, location))
                .isEqualTo(3);
    }

    @Test
    void a_poison_message_goes_to_the_dead_letter_topic_with_its_reason_and_the_next_message_is_processed() throws Exception {
        String poisonKey = "POISON-" + UUID.randomUUID();
        send(CoaTopics.LOCATIES, poisonKey, "this is not a CloudEvent");
        String withPersonalData = "COA-" + UUID.randomUUID();
        send(CoaTopics.LOCATIES, withPersonalData, coaEvent(UUID.randomUUID().toString(), "nl.coa.locaties.LocatieGeopend.v1", """
                {"locatieId":"%s","naam":"X","plaatsen":{"ASIELZOEKERS":10},"datum":"2022-09-01","bsn":"123456782"}"""
                .formatted(withPersonalData)));
        String next = "COA-" + UUID.randomUUID();
        send(CoaTopics.LOCATIES, next, coaEvent(UUID.randomUUID().toString(), "nl.coa.locaties.LocatieGeopend.v1", """
                {"locatieId":"%s","naam":"Zoutkamp","plaatsen":{"OEKRAIENSE_ONTHEEMDEN":50},"datum":"2022-09-01"}""".formatted(next)));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(http.getForEntity("/locations/" + next, String.class).getStatusCode()).isEqualTo(HttpStatus.OK));

        List<ConsumerRecord<String, byte[]>> poisoned = readUntil(CoaTopics.LOCATIES + ".DLT", r -> poisonKey.equals(r.key()), PATIENCE);
        ConsumerRecord<String, byte[]> poison = poisoned.stream().filter(r -> poisonKey.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("not on the DLT: " + poisonKey + "; seen " + poisoned.stream()
                        .map(r -> r.partition() + "@" + r.offset() + " " + r.key() + " " + text(r)).toList()));
        List<ConsumerRecord<String, byte[]>> dead = readUntil(CoaTopics.LOCATIES + ".DLT",
                r -> withPersonalData.equals(r.key()), PATIENCE);
        assertThat(header(poison, "kafka_dlt-exception-message")).contains("not a CloudEvent");
        assertThat(header(poison, "kafka_dlt-original-topic")).isEqualTo(CoaTopics.LOCATIES);
        ConsumerRecord<String, byte[]> personal = dead.stream().filter(r -> withPersonalData.equals(r.key())).findFirst().orElseThrow();
        assertThat(header(personal, "kafka_dlt-exception-message")).contains("bsn");
        assertThat(http.getForEntity("/locations/" + withPersonalData, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("doorstroom_inbound_dead_lettered_total\\{.*topic=\"coa.locaties.v1\".*} [2-9]"));
    }

    @Test
    void the_region_figures_are_prometheus_gauges_tagged_by_region_and_service() {
        String id = "CNO-" + UUID.randomUUID();
        post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR25","name":"Flevohal","places":225}""".formatted(id));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("doorstroom_cno_places_realised_places\\{service=\"capacity\",veiligheidsregio=\"VR25\"} 225")
                .contains("doorstroom_coa_places_needed_places{service=\"capacity\"} 51000")
                // what the pipeline dashboard and the lag alert read of each processor
                .containsPattern("eventProcessor_latency\\{[^}]*processorName=\"capacity-projection\"")
                .containsPattern("eventProcessor_processedCounter_total\\{[^}]*processorName=\"capacity-projection\"")
                .containsPattern("eventProcessor_ingestedCounter_total\\{[^}]*processorName=\"capacity-projection\""));
    }

    @Test
    void the_service_registers_its_own_commitments_from_the_catalogue() throws Exception {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode all = json.readTree(http.getForObject("/commitments", String.class));
            assertThat(all.findValuesAsText("ref")).contains("INL.1", "I.1", "III.1", "III.2.4", "III.7.1")
                    .doesNotContain("III.12.4", "TABEL");
            assertThat(all.findValuesAsText("service")).containsOnly("capacity");
        });
        JsonNode cno = json.readTree(http.getForObject("/commitments/III.1", String.class));
        assertThat(cno.get("target").get("amount").asInt()).isEqualTo(450);
        assertThat(http.getForEntity("/commitments/III.12.4", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void coa_places_opened_move_inl_1_and_the_register_names_the_measure_and_that_event_behind_its_status()
            throws Exception {
        String location = "COA-" + UUID.randomUUID();
        send(CoaTopics.LOCATIES, location, coaEvent(UUID.randomUUID().toString(), "nl.coa.locaties.LocatieGeopend.v1", """
                {"locatieId":"%s","naam":"Ter Apel","plaatsen":{"ASIELZOEKERS":2000},"datum":"2022-10-03"}""".formatted(location)));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, location) == 1);
        String opened = jdbc.queryForObject("select event_identifier from domain_event_entry where aggregate_identifier = ?",
                String.class, location);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode inl1 = json.readTree(http.getForObject("/commitments/INL.1", String.class));
            JsonNode measure = inl1.get("why").get("measure");
            assertThat(measure.get("events").findValuesAsText("eventIdentifier")).contains(opened);
            assertThat(inl1.get("why").get("basis").asText()).isEqualTo("MEASURED");
            // this test's business clock is the wall clock, past INL.1's due moment (the end of 2022): the figure as
            // it stood then decides, and the location opened in October 2022 is in it
            long atDue = inl1.get("why").get("measureAtDue").get("actual").asLong();
            assertThat(atDue).isGreaterThanOrEqualTo(2000);
            assertThat(inl1.get("status").asText()).isEqualTo(atDue >= 51_000 ? "MET"
                    : inl1.get("actual").asLong() >= 51_000 ? "LATE" : "MISSED");
            assertThat(measure.get("actual").decimalValue()).isEqualByComparingTo(inl1.get("actual").decimalValue())
                    .isEqualByComparingTo(json.readTree(http.getForObject("/national", String.class)).get("coaPlaces").decimalValue());
        });
        // the gauges sum the same places in SQL: at rest they show what /national shows per target group
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            long asielzoekers = json.readTree(http.getForObject("/national", String.class))
                    .get("perDoelgroep").get("ASIELZOEKERS").get("places").asLong();
            Matcher gauge = Pattern.compile("doorstroom_coa_places\\{doelgroep=\"ASIELZOEKERS\",service=\"capacity\"} (\\S+)")
                    .matcher(http.getForObject("/actuator/prometheus", String.class));
            assertThat(gauge.find()).isTrue();
            assertThat(asielzoekers).isGreaterThanOrEqualTo(2000);
            assertThat(Double.parseDouble(gauge.group(1))).isEqualTo(asielzoekers);
        });
        JsonNode why = json.readTree(http.getForObject("/commitments/INL.1", String.class)).get("why");
        assertThat(why.get("measure").get("description").asText()).startsWith("COA places");
        assertThat(why.get("measure").get("eventCount").asLong()).isGreaterThanOrEqualTo(why.get("measure").get("events").size());
        JsonNode named = why.get("measure").get("events").findParents("eventIdentifier").stream()
                .filter(e -> e.get("eventIdentifier").asText().equals(opened)).findFirst().orElseThrow();
        assertThat(named.get("aggregateIdentifier").asText()).isEqualTo(location);
        assertThat(named.get("eventType").asText()).isEqualTo("CoaLocationRegistered");
        assertThat(named.get("occurredOn").asText()).isEqualTo("2022-10-03");
        assertThat(why.get("events").findValuesAsText("eventType")).as("the registration that set the target")
                .containsExactly("CommitmentRegistered");
    }

    @Test
    void status_holders_housed_by_municipalities_show_as_outflow_from_reception_and_other_housing_events_are_skipped()
            throws Exception {
        long before = json.readTree(http.getForObject("/national", String.class)).get("statushoudersOutflow").asLong();
        String otherType = TestCloudEvents.structured("nl.doorstroom.housing.TaakstellingAssigned.v1", "{\"anything\":1}");
        send(HousingEventsConsumer.TOPIC, "GM0014", otherType);
        send(HousingEventsConsumer.TOPIC, "GM0014", TestCloudEvents.structured("nl.doorstroom.housing.StatushoudersHoused.v1", """
                {"gemeente":"GM0014","provincie":"PV20","period":"2022-H2","persons":40,"housingForm":"FLEXWONING","occurredOn":"2022-10-03"}"""));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode national = json.readTree(http.getForObject("/national", String.class));
            assertThat(national.get("statushoudersOutflow").asLong()).isEqualTo(before + 40);
            assertThat(national.get("statushoudersOutflowPerPeriod").get("2022-H2").asLong()).isGreaterThanOrEqualTo(40);
        });
        assertThat(readUntil(HousingEventsConsumer.TOPIC + ".DLT", r -> true, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void a_replay_rebuilds_the_read_models_exactly_and_publishes_nothing_again() throws Exception {
        String id = "CNO-" + UUID.randomUUID();
        post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR07","name":"Expo","places":300,"occurredOn":"2022-09-05"}""".formatted(id));
        post("/cno-locations/" + id + "/capacity", """
                {"places":350,"occurredOn":"2022-10-01"}""");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(json.readTree(http.getForObject("/locations/" + id, String.class)).get("places").get("ASIELZOEKERS").asInt())
                        .isEqualTo(350));
        await().atMost(PATIENCE).until(() -> readUntil(CapacityEventsV1.TOPIC,
                r -> id.equals(r.key()) && text(r).contains("CapacityChanged"), PATIENCE).stream().anyMatch(r -> id.equals(r.key())));
        String readModelBefore = readModelChecksum();
        int publishedBefore = readUntil(CapacityEventsV1.TOPIC, r -> false, Duration.ofSeconds(3)).size();

        StreamingEventProcessor publisher = processing.eventProcessor(OutboundPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        publisher.shutDown();
        try {
            assertThatThrownBy(publisher::resetTokens).as("the publisher refuses a replay").isInstanceOf(IllegalStateException.class);
        } finally {
            publisher.start();
        }

        StreamingEventProcessor projection = processing.eventProcessor(CapacityProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        projection.shutDown();
        projection.resetTokens();
        projection.start();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(projection.processingStatus().values())
                .isNotEmpty().allSatisfy(status -> assertThat(status.isCaughtUp()
                        && status.getCurrentPosition().orElse(-1) >= status.getResetPosition().orElse(Long.MAX_VALUE))
                        .as(status.toString()).isTrue()));

        assertThat(readModelChecksum()).isEqualTo(readModelBefore);
        assertThat(readUntil(CapacityEventsV1.TOPIC, r -> false, Duration.ofSeconds(3))).hasSize(publishedBefore);
    }

    private String readModelChecksum() {
        return jdbc.queryForObject("""
                select md5(coalesce((select string_agg(location_id || ':' || state::text, '|' order by location_id) from capacity_location), '')
                        || coalesce((select string_agg(veiligheidsregio || ':' || pledged, '|' order by veiligheidsregio) from cno_pledge), '')
                        || coalesce((select string_agg(period || ':' || persons, '|' order by period) from reception_outflow), ''))""",
                String.class);
    }

    @Test
    void health_readiness_and_liveness_are_up() {
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static String coaEvent(String id, String type, String data) {
        return TestCloudEvents.structured(id, type, data);
    }
}
