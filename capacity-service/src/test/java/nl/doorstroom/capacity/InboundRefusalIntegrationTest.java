package nl.doorstroom.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import nl.doorstroom.capacity.messaging.CoaTopics;
import nl.doorstroom.platform.inbound.DeadLetterPublishing;
import nl.doorstroom.testsupport.RealInfrastructure;
import nl.doorstroom.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static nl.doorstroom.testsupport.TopicReader.header;
import static nl.doorstroom.testsupport.TopicReader.readUntil;
import static nl.doorstroom.testsupport.TopicReader.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input is refused before it becomes an event: text PostgreSQL cannot store, a rule violation or a duplicate goes
 * to the dead-letter topic at once with its reason, the consumer goes on, and a REST field with U+0000 gets 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CapacityServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class InboundRefusalIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String OPENED = "nl.coa.locaties.LocatieGeopend.v1";
    private static final String REASSIGNED = "nl.coa.locaties.PlaatsenOmgezet.v1";
    /** A JSON escape for U+0000 as it arrives on the wire (the Java text holds a backslash, not the character). */
    private static final String NUL = "\\u0000";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.consumer.group-id}")
    String consumerGroup;

    @Test
    void a_coa_naam_holding_u0000_is_dead_lettered_naming_naam_while_the_other_locations_are_projected_and_every_lag_returns_to_0()
            throws Exception {
        String bad = "COA-NUL-" + UUID.randomUUID();
        String badId = UUID.randomUUID().toString();
        send(CoaTopics.LOCATIES, bad, cloudEvent(badId, "/coa/test", OPENED, """
                {"locatieId":"%s","naam":"Ter%sApel","plaatsen":{"ASIELZOEKERS":100},"datum":"2022-09-01"}""".formatted(bad, NUL)));
        List<String> valid = List.of("COA-" + UUID.randomUUID(), "COA-" + UUID.randomUUID(), "COA-" + UUID.randomUUID());
        for (String location : valid) {
            send(CoaTopics.LOCATIES, location, cloudEvent(UUID.randomUUID().toString(), "/coa/test", OPENED, """
                    {"locatieId":"%s","naam":"Zoutkamp","plaatsen":{"OEKRAIENSE_ONTHEEMDEN":50},"datum":"2022-09-01"}""".formatted(location)));
        }

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            for (String location : valid) {
                JsonNode state = json.readTree(http.getForObject("/locations/" + location, String.class));
                assertThat(state.get("status").asText()).isEqualTo("OPEN");
            }
        });
        ConsumerRecord<String, byte[]> dead = deadLetter(bad);
        assertThat(header(dead, DeadLetterPublishing.REASON_HEADER)).contains("/naam").contains("U+0000");
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("/naam").contains("U+0000");
        assertThat(http.getForEntity("/locations/" + bad, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, bad))
                .as("nothing of it was stored").isZero();

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode processors = json.readTree(http.getForObject("/admin/processors", String.class));
            assertThat(processors).isNotEmpty();
            for (JsonNode processor : processors) {
                assertThat(processor.get("lagEvents").asLong()).as(processor.toString()).isZero();
            }
            assertThat(consumerLag(CoaTopics.LOCATIES)).as("the inbound topic's consumer lag").isZero();
        });
    }

    /** Twice: the first run includes the JIT's warm-up of the refusal path, the second is the steady state. */
    @Test
    void after_a_thousand_malformed_messages_on_one_partition_the_valid_one_behind_them_is_applied() throws Exception {
        flood("cold");
        flood("warm");
    }

    private void flood(String run) throws Exception {
        String location = "COA-FLOOD-" + UUID.randomUUID();
        double deadBefore = counter("doorstroom.inbound.dead.lettered");
        String valid = cloudEvent(UUID.randomUUID().toString(), "/coa/test", OPENED, """
                {"locatieId":"%s","naam":"Budel","plaatsen":{"ASIELZOEKERS":10},"datum":"2022-09-01"}""".formatted(location));

        long start;
        try (var producer = producer()) {
            // one key, so one partition, in this order; malformed in the ways senders get it wrong
            producer.send(new ProducerRecord<>(CoaTopics.LOCATIES, location, bytes("not a CloudEvent"))).get(30, TimeUnit.SECONDS);
            start = System.nanoTime();
            for (int i = 1; i < 1000; i++) {
                String malformed = switch (i % 4) {
                    case 0 -> "{\"specversion\":\"1.0\",\"id\":\"" + i + "\"";
                    case 1 -> cloudEvent(UUID.randomUUID().toString(), "/coa/test", OPENED, """
                            {"locatieId":"%s","plaatsen":{"ASIELZOEKERS":10},"datum":"2022-09-01","bsn":"123456782"}""".formatted(location));
                    case 2 -> cloudEvent(UUID.randomUUID().toString(), "/coa/test", OPENED, """
                            {"locatieId":"%s","naam":"Bu%sdel","plaatsen":{"ASIELZOEKERS":10},"datum":"2022-09-01"}""".formatted(location, NUL));
                    default -> cloudEvent(UUID.randomUUID().toString(), "/coa/test", "nl.coa.locaties.Onbekend.v1", "{}");
                };
                producer.send(new ProducerRecord<>(CoaTopics.LOCATIES, location, bytes(malformed)));
            }
            producer.send(new ProducerRecord<>(CoaTopics.LOCATIES, location, bytes(valid)));
            producer.flush();
        }
        long sent = System.nanoTime();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, location) == 1);
        long applied = System.nanoTime();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).ignoreExceptions().until(() ->
                http.getForEntity("/locations/" + location, String.class).getStatusCode() == HttpStatus.OK);
        long projected = System.nanoTime();

        double seconds = (applied - start) / 1e9;
        System.out.printf("[inbound-flood] %s: 1000 malformed + 1 valid on one partition: sent in %.0f ms; valid one applied after"
                        + " %.0f ms (%.0f malformed/s through refusal and DLT), projected after %.0f ms, %.0f ms after the last send;"
                        + " load average %s on %d cores%n", run,
                (sent - start) / 1e6, seconds * 1e3, 1000 / seconds, (projected - start) / 1e6, (applied - sent) / 1e6,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0],
                Runtime.getRuntime().availableProcessors());
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(counter("doorstroom.inbound.dead.lettered") - deadBefore).isEqualTo(1000));
        List<ConsumerRecord<String, byte[]>> deadLetters = readUntil(CoaTopics.LOCATIES + DeadLetterPublishing.SUFFIX,
                r -> false, Duration.ofSeconds(3)).stream().filter(r -> location.equals(r.key())).toList();
        assertThat(deadLetters).hasSize(1000).allSatisfy(r -> assertThat(header(r, DeadLetterPublishing.REASON_HEADER)).isNotBlank());
    }

    @Test
    void a_second_locatie_geopend_for_an_open_location_goes_to_the_dlt_at_once_with_its_reason_and_the_consumer_goes_on()
            throws Exception {
        String location = "COA-TWICE-" + UUID.randomUUID();
        send(CoaTopics.LOCATIES, location, cloudEvent(UUID.randomUUID().toString(), "/coa/test", OPENED, """
                {"locatieId":"%s","naam":"Ter Apel","plaatsen":{"ASIELZOEKERS":2000},"datum":"2022-09-01"}""".formatted(location)));
        await().atMost(PATIENCE).ignoreExceptions().until(() ->
                http.getForEntity("/locations/" + location, String.class).getStatusCode() == HttpStatus.OK);
        double failedBefore = counter("doorstroom.inbound.failed.deliveries");

        String second = UUID.randomUUID().toString();
        send(CoaTopics.LOCATIES, location, cloudEvent(second, "/coa/test", OPENED, """
                {"locatieId":"%s","naam":"Ter Apel","plaatsen":{"ASIELZOEKERS":2500},"datum":"2022-10-01"}""".formatted(location)));
        send(CoaTopics.LOCATIES, location, cloudEvent(UUID.randomUUID().toString(), "/coa/test", REASSIGNED, """
                {"locatieId":"%s","van":"ASIELZOEKERS","naar":"STATUSHOUDERS","aantal":100,"datum":"2022-10-02"}""".formatted(location)));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode state = json.readTree(http.getForObject("/locations/" + location, String.class));
            assertThat(state.get("places").get("STATUSHOUDERS").asInt()).as("the consumer went on").isEqualTo(100);
            assertThat(state.get("places").get("ASIELZOEKERS").asInt()).as("the second opening took nothing").isEqualTo(1900);
        });
        ConsumerRecord<String, byte[]> dead = deadLetter(location);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains(second);
        assertThat(header(dead, DeadLetterPublishing.REASON_HEADER))
                .contains("rule violation on locatieId").contains(location + " is already open");
        assertThat(header(dead, "kafka_dlt-exception-message")).doesNotContain("constraint").doesNotContain("duplicate key");
        assertThat(counter("doorstroom.inbound.failed.deliveries") - failedBefore)
                .as("one failed delivery: no back-off retries for a rule violation").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, location))
                .isEqualTo(2);
    }

    @Test
    void a_message_for_an_unknown_location_goes_to_the_dlt_at_once_naming_the_location() throws Exception {
        String unknown = "COA-UNKNOWN-" + UUID.randomUUID();
        double failedBefore = counter("doorstroom.inbound.failed.deliveries");

        send(CoaTopics.LOCATIES, unknown, cloudEvent(UUID.randomUUID().toString(), "/coa/test", "nl.coa.locaties.CapaciteitGewijzigd.v1", """
                {"locatieId":"%s","plaatsen":{"ASIELZOEKERS":10},"datum":"2022-10-01"}""".formatted(unknown)));

        ConsumerRecord<String, byte[]> dead = deadLetter(unknown);
        assertThat(header(dead, DeadLetterPublishing.REASON_HEADER)).startsWith("unknown " + unknown);
        assertThat(counter("doorstroom.inbound.failed.deliveries") - failedBefore).as("not retried").isEqualTo(1);
    }

    @Test
    void the_same_id_from_another_source_is_a_new_message_and_the_same_source_and_id_is_a_duplicate() throws Exception {
        String location = "COA-SRC-" + UUID.randomUUID();
        send(CoaTopics.LOCATIES, location, cloudEvent(UUID.randomUUID().toString(), "/coa/test", OPENED, """
                {"locatieId":"%s","naam":"Gilze","plaatsen":{"ASIELZOEKERS":1000},"datum":"2022-09-01"}""".formatted(location)));
        String id = UUID.randomUUID().toString();
        String reassignment = """
                {"locatieId":"%s","van":"ASIELZOEKERS","naar":"STATUSHOUDERS","aantal":10,"datum":"2022-09-15"}""".formatted(location);
        send(CoaTopics.LOCATIES, location, cloudEvent(id, "/coa/test", REASSIGNED, reassignment));
        send(CoaTopics.LOCATIES, location, cloudEvent(id, "/coa/test", REASSIGNED, reassignment));
        send(CoaTopics.LOCATIES, location, cloudEvent(id, "/coa/regio-noord", REASSIGNED, reassignment));
        // a message processed before V5 is on record without its source: its id is still recognised
        String legacy = UUID.randomUUID().toString();
        jdbc.update("insert into processed_message (source, message_id, topic, type, processed_at) values ('', ?, ?, ?, now())",
                legacy, CoaTopics.LOCATIES, REASSIGNED);
        send(CoaTopics.LOCATIES, location, cloudEvent(legacy, "/coa/test", REASSIGNED, reassignment));
        String marker = """
                {"locatieId":"%s","van":"STATUSHOUDERS","naar":"OEKRAIENSE_ONTHEEMDEN","aantal":1,"datum":"2022-09-16"}""".formatted(location);
        send(CoaTopics.LOCATIES, location, cloudEvent(UUID.randomUUID().toString(), "/coa/test", REASSIGNED, marker));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(json.readTree(
                http.getForObject("/locations/" + location, String.class)).get("places").get("OEKRAIENSE_ONTHEEMDEN").asInt()).isEqualTo(1));
        JsonNode places = json.readTree(http.getForObject("/locations/" + location, String.class)).get("places");
        assertThat(places.get("ASIELZOEKERS").asInt()).as("applied once from /coa/test, once from /coa/regio-noord").isEqualTo(980);
        assertThat(places.get("STATUSHOUDERS").asInt()).isEqualTo(19);
        assertThat(jdbc.queryForObject("select count(*) from processed_message where message_id = ?", Long.class, id)).isEqualTo(2);
    }

    @Test
    void a_rest_field_holding_u0000_gets_400_problem_json_naming_the_field_and_records_nothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        String id = "CNO-" + UUID.randomUUID();

        ResponseEntity<String> refused = post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR01","name":"Sport%shal","places":225}""".formatted(id, NUL));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("U+0000");
        assertThat(problem.get("detail").asText()).contains("name");

        ResponseEntity<String> tooLong = post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR01","name":"%s","places":225}""".formatted(id, "x".repeat(256)));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(tooLong.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("name");

        ResponseEntity<String> inQuery = http.getForEntity(java.net.URI.create(http.getRootUri() + "/commitments?status=OPEN%00"), String.class);
        assertThat(inQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(inQuery.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("status");

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void opening_a_cno_location_whose_id_is_taken_is_409_problem_json_not_an_sql_error() throws Exception {
        String id = "CNO-" + UUID.randomUUID();
        String body = """
                {"locationId":"%s","veiligheidsregio":"VR05","name":"Hal","places":100}""".formatted(id);
        assertThat(post("/cno-locations", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<String> again = post("/cno-locations", body);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again.getBody()).doesNotContain("constraint").doesNotContain("SQL");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id))
                .isEqualTo(1);
    }

    private ConsumerRecord<String, byte[]> deadLetter(String key) {
        List<ConsumerRecord<String, byte[]>> seen = readUntil(CoaTopics.LOCATIES + DeadLetterPublishing.SUFFIX,
                r -> key.equals(r.key()), PATIENCE);
        return seen.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("not on the DLT: " + key));
    }

    private long consumerLag(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            var ends = admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS);
            return committed.entrySet().stream().mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset()).sum();
        }
    }

    private double counter(String name) {
        var counter = meters.find(name).tag("topic", CoaTopics.LOCATIES).counter();
        return counter == null ? 0 : counter.count();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String cloudEvent(String id, String source, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(id, source, type, data);
    }
}
