package nl.doorstroom.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.contracts.ContractSchemas;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.contracts.deadline.DeadlineEventsV1;
import nl.doorstroom.contracts.finance.FinanceEventsV1;
import nl.doorstroom.deadline.domain.Deadline;
import nl.doorstroom.deadline.domain.DueMoment;
import nl.doorstroom.deadline.projection.DeadlineProjection;
import nl.doorstroom.testsupport.ReadModelRebuild;
import nl.doorstroom.testsupport.RealInfrastructure;
import nl.doorstroom.testsupport.TestCloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static nl.doorstroom.testsupport.TopicReader.header;
import static nl.doorstroom.testsupport.TopicReader.readUntil;
import static nl.doorstroom.testsupport.TopicReader.send;
import static nl.doorstroom.testsupport.TopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * deadline-service whole on a real PostgreSQL and Kafka broker, on a business clock that starts at
 * 30 September 2022 23:59 (Dutch time) and then runs four business hours per wall-clock second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + DeadlineServiceApplication.CONFIG_NAME,
                "doorstroom.clock.speed=" + BusinessTimeIntegrationTest.SPEED,
                "db-scheduler.polling-interval=200ms",
                "doorstroom.deadline.gauge-refresh=1s"})
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BusinessTimeIntegrationTest {

    static final double SPEED = 4 * 3600;
    static final Instant SEPTEMBER_30_2359 = ZonedDateTime.of(2022, 9, 30, 23, 59, 0, 0, DueMoment.NETHERLANDS).toInstant();
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    /** The catalogue's deliverables due on 1 October 2022, of every service; "voor 1 oktober" (III.2.1, III.6) at its start. */
    private static final Set<String> DUE_OCTOBER_1 = Set.of("II.1", "III.2.1", "III.2.3", "III.2.4", "III.6", "III.7.5",
            "III.7.6", "III.11");
    private static final Set<String> BEFORE_OCTOBER_1 = Set.of("III.2.1", "III.6");
    /** Dated, but an effort or a condition: never a deadline that can be missed. */
    private static final Set<String> NOT_DELIVERABLES = Set.of("INL.2", "III.2", "III.5", "I.1/2022-10-01");

    @TestConfiguration
    static class BusinessClockAt30September {
        @Bean
        ControlledClock businessClock() {
            return new ControlledClock(SEPTEMBER_30_2359, SPEED);
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ControlledClock clock;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    @Order(1)
    void on_a_clock_from_30_september_23_59_the_1_october_deadlines_not_met_are_missed_and_published() throws Exception {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(state("III.6")).isEqualTo("OPEN"));
        // III.6 is due when 1 October begins, a business minute after the clock starts: met before it runs
        ResponseEntity<String> met = post("/deadlines/III.6/met", """
                {"evidence":"Kamerbrief ruimtelijke ordening, 30 september 2022","occurredOn":"2022-09-30"}""");
        assertThat(met.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(state("III.6")).isEqualTo("MET"));
        clock.run();

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            Set<String> missed = refs(json.readTree(http.getForObject("/deadlines?state=missed", String.class)));
            assertThat(missed).containsAll(DUE_OCTOBER_1.stream().filter(r -> !r.equals("III.6")).toList())
                    .contains("III.15", "I.1")
                    .doesNotContain("III.6", "III.12.1", "II.2");
        });
        for (String ref : NOT_DELIVERABLES) {
            assertThat(http.getForEntity("/deadlines/" + ref, String.class).getStatusCode()).as(ref).isEqualTo(HttpStatus.NOT_FOUND);
        }
        for (String ref : List.of("INL.1", "III.12.2", "III.12.4", "II.2")) {
            ResponseEntity<String> target = http.getForEntity("/deadlines/" + ref, String.class);
            assertThat(target.getStatusCode()).as(ref + ": a dated target is judged by its owner's register").isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(target.getBody()).contains("/api/commitments/" + ref);
        }
        assertThat(state("III.6")).isEqualTo("MET");
        assertThat(state("III.12.1")).isEqualTo("OPEN");

        // published on Kafka, each against its contract: the ids are this service's own events
        Map<String, String> missedEventIds = jdbc.query("""
                        select event_identifier, aggregate_identifier from domain_event_entry
                        where payload_type like '%DeadlineMissed'""", (rs, n) -> Map.entry(rs.getString(1), rs.getString(2).substring("deadline:".length())))
                .stream().filter(e -> DUE_OCTOBER_1.contains(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(missedEventIds.values()).hasSize(DUE_OCTOBER_1.size() - 1);
        List<JsonNode> published = await().atMost(PATIENCE).until(() -> ownEvents(missedEventIds.keySet()),
                events -> events.size() == missedEventIds.size());
        for (JsonNode event : published) {
            assertThat(ContractSchemas.publishedEventViolations(event)).as(event.toString()).isEmpty();
            assertThat(event.get("type").asText()).isEqualTo(DeadlineEventsV1.type(DeadlineEventsV1.DeadlineMissed.class));
            assertThat(event.get("source").asText()).isEqualTo("/doorstroom/deadline");
            assertThat(event.get("data").get("dueOn").asText()).isEqualTo("2022-10-01");
            String ref = event.get("data").get("ref").asText();
            assertThat(event.get("data").get("dueAt").asText()).as(ref)
                    .isEqualTo(BEFORE_OCTOBER_1.contains(ref) ? "2022-09-30T22:00:00Z" : "2022-10-01T22:00:00Z");
        }
        assertThat(published).extracting(e -> e.get("data").get("ref").asText()).doesNotContain("III.6");
        assertThat(published).extracting(e -> e.get("subject").asText()).contains(Deadline.idOf("III.2.1"));

        // the deadline service's own commitments take their register status from the deadline
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(json.readTree(http.getForObject("/commitments/III.2.1", String.class)).get("status").asText()).isEqualTo("MISSED");
            assertThat(json.readTree(http.getForObject("/commitments/III.6", String.class)).get("status").asText()).isEqualTo("MET");
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("doorstroom_deadlines\\{party=\"RIJK\",service=\"deadline\",state=\"missed\"} [1-9]")
                .containsPattern("doorstroom_deadlines\\{party=\"RIJK\",.*state=\"met\"} [1-9]")
                // III.2 (the regions' willingness under conditions) is no deadline, so the regions missed nothing
                .doesNotContainPattern("doorstroom_deadlines\\{party=\"VEILIGHEIDSREGIOS\"[^}]*state=\"missed\"} [1-9]"));
    }

    @Test
    @Order(2)
    void a_business_case_not_assessed_within_72_business_hours_is_missed_and_one_assessed_in_time_is_met() throws Exception {
        clock.run();
        String slow = "BC-" + UUID.randomUUID();
        String prompt = "BC-" + UUID.randomUUID();
        Instant submittedAt = clock.instant();
        send(FinanceEventsV1.TOPIC, slow, submitted(slow, submittedAt));
        send(FinanceEventsV1.TOPIC, prompt, submitted(prompt, submittedAt));
        send(FinanceEventsV1.TOPIC, prompt, TestCloudEvents.structured(FinanceEventsV1.type(FinanceEventsV1.BusinessCaseAssessed.class), """
                {"businessCaseId":"%s","gemeente":"GM0363","outcome":"APPROVED","approvedAmount":250000,"assessedAt":"%s","occurredOn":"%s"}"""
                .formatted(prompt, submittedAt.plusSeconds(30), DueMoment.dateOf(submittedAt))));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode met = json.readTree(http.getForObject("/deadlines/III.9/" + prompt, String.class));
            assertThat(met.get("status").asText()).isEqualTo("MET");
            assertThat(met.get("evidence").asText()).startsWith("nl.doorstroom.finance.BusinessCaseAssessed.v1/");
            assertThat(met.get("owedBy").get(0).asText()).isEqualTo("RIJK");
            assertThat(state("III.9/" + slow)).isEqualTo("OPEN");
        });
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(state("III.9/" + slow)).isEqualTo("MISSED"));
        assertThat(clock.instant()).isAfter(submittedAt.plus(Duration.ofHours(72)));
        assertThat(state("III.9/" + prompt)).isEqualTo("MET");

        String key = Deadline.idOf("III.9/" + slow);
        JsonNode missed = json.readTree(text(readUntil(DeadlineEventsV1.TOPIC, r -> key.equals(r.key()), PATIENCE).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow()));
        assertThat(ContractSchemas.publishedEventViolations(missed)).isEmpty();
        assertThat(missed.get("data").get("dueAt").asText()).isEqualTo(submittedAt.plus(Duration.ofHours(72)).toString());
    }

    @Test
    @Order(3)
    void a_malformed_finance_message_goes_to_the_dead_letter_topic_and_the_next_one_is_processed() throws Exception {
        clock.run();
        String poisonKey = "POISON-" + UUID.randomUUID();
        send(FinanceEventsV1.TOPIC, poisonKey, "this is not a CloudEvent");
        String offContract = "BC-" + UUID.randomUUID();
        send(FinanceEventsV1.TOPIC, offContract, TestCloudEvents.structured(FinanceEventsV1.type(FinanceEventsV1.BusinessCaseSubmitted.class),
                "{\"businessCaseId\":\"%s\"}".formatted(offContract)));
        String next = "BC-" + UUID.randomUUID();
        Instant submittedAt = clock.instant();
        send(FinanceEventsV1.TOPIC, next, submitted(next, submittedAt));
        send(FinanceEventsV1.TOPIC, next, TestCloudEvents.structured(FinanceEventsV1.type(FinanceEventsV1.BusinessCaseAssessed.class), """
                {"businessCaseId":"%s","gemeente":"GM0363","outcome":"REJECTED","approvedAmount":0,"assessedAt":"%s","occurredOn":"%s"}"""
                .formatted(next, submittedAt, DueMoment.dateOf(submittedAt))));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(state("III.9/" + next)).isEqualTo("MET"));
        ConsumerRecord<String, byte[]> poison = readUntil(FinanceEventsV1.TOPIC + ".DLT", r -> poisonKey.equals(r.key()), PATIENCE)
                .stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
        assertThat(header(poison, "kafka_dlt-exception-message")).contains("not a CloudEvent");
        ConsumerRecord<String, byte[]> refused = readUntil(FinanceEventsV1.TOPIC + ".DLT", r -> offContract.equals(r.key()), PATIENCE)
                .stream().filter(r -> offContract.equals(r.key())).findFirst().orElseThrow();
        assertThat(header(refused, "kafka_dlt-exception-message")).contains("gemeente");
        assertThat(http.getForEntity("/deadlines/III.9/" + offContract, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(4)
    void the_cno_wind_down_counts_every_cno_location_capacity_reported_and_is_not_met_before_its_due_moment() throws Exception {
        clock.run();
        String a = "CNO-" + UUID.randomUUID();
        String b = "CNO-" + UUID.randomUUID();
        send(CapacityEventsV1.TOPIC, a, capacityEvent(CapacityEventsV1.CnoLocationOpened.class, """
                {"locationId":"%s","veiligheidsregio":"VR01","name":"Sporthal","gemeente":null,"places":225,"belowNormalStandard":false,"occurredOn":"2022-09-01"}""".formatted(a)));
        send(CapacityEventsV1.TOPIC, b, capacityEvent(CapacityEventsV1.CnoLocationOpened.class, """
                {"locationId":"%s","veiligheidsregio":"VR02","name":"Hal","gemeente":"GM0014","places":225,"belowNormalStandard":true,"occurredOn":"2022-09-02"}""".formatted(b)));
        send(CapacityEventsV1.TOPIC, a, capacityEvent(CapacityEventsV1.CnoLocationClosed.class, """
                {"locationId":"%s","veiligheidsregio":"VR01","occurredOn":"2022-10-02"}""".formatted(a)));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode windDown = json.readTree(http.getForObject("/deadlines/III.2.4/2023-01-01", String.class));
            assertThat(windDown.get("openCnoLocations")).hasSize(1);
            assertThat(windDown.get("status").asText()).isEqualTo("OPEN");
        });
        send(CapacityEventsV1.TOPIC, b, capacityEvent(CapacityEventsV1.CnoLocationHandedOver.class, """
                {"locationId":"%s","veiligheidsregio":"VR02","handedOverTo":"COA","recipient":"COA","occurredOn":"2022-10-03"}""".formatted(b)));
        // every location counted is wound down in October, but more may open before 1 January 2023: judged then (DeadlineTest)
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode windDown = json.readTree(http.getForObject("/deadlines/III.2.4/2023-01-01", String.class));
            assertThat(windDown.get("openCnoLocations")).isEmpty();
            assertThat(windDown.get("status").asText()).isEqualTo("OPEN");
        });
    }

    @Test
    @Order(5)
    void extensions_and_late_meetings_keep_their_history_and_rule_violations_are_422_naming_the_field() throws Exception {
        clock.run();
        ResponseEntity<String> extended = post("/deadlines/III.2.3/2023-01-01/extensions", """
                {"newDue":"2023-07-01","reason":"behandeling in de Eerste Kamer loopt uit"}""");
        assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        ResponseEntity<String> late = post("/deadlines/III.2.1/met", """
                {"evidence":"Kamerbrief visie op de migratieketen"}""");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode law = json.readTree(http.getForObject("/deadlines/III.2.3/2023-01-01", String.class));
            assertThat(law.get("status").asText()).isEqualTo("EXTENDED");
            assertThat(law.get("dueOn").asText()).isEqualTo("2023-07-01");
            assertThat(law.get("agreedDueOn").asText()).isEqualTo("2023-01-01");
            assertThat(law.get("history").findValuesAsText("what")).containsExactly("SET", "EXTENDED");
            JsonNode vision = json.readTree(http.getForObject("/deadlines/III.2.1", String.class));
            assertThat(vision.get("status").asText()).isEqualTo("LATE");
            assertThat(vision.get("history").findValuesAsText("what")).containsExactly("SET", "MISSED", "MET_LATE");
            assertThat(refs(json.readTree(http.getForObject("/deadlines?state=late", String.class)))).contains("III.2.1");
        });

        // III.7.5 was missed on 1 October; extended afterwards and met by its new date, it is late, here and in the register
        assertThat(post("/deadlines/III.7.5/extensions", """
                {"newDue":"2023-06-01","reason":"structuur pas na de Kamerbehandeling vast te stellen"}""").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode structure = json.readTree(http.getForObject("/deadlines/III.7.5", String.class));
            assertThat(structure.get("status").asText()).isEqualTo("EXTENDED");
            assertThat(structure.get("missedOn").asText()).isEqualTo("2022-10-01");
            assertThat(json.readTree(http.getForObject("/commitments/III.7.5", String.class)).get("status").asText()).isEqualTo("EXTENDED");
        });
        assertThat(post("/deadlines/III.7.5/met", """
                {"evidence":"Besluit vereenvoudigde overlegstructuur"}""").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode structure = json.readTree(http.getForObject("/deadlines/III.7.5", String.class));
            assertThat(structure.get("status").asText()).isEqualTo("LATE");
            assertThat(structure.get("history").findValuesAsText("what")).containsExactly("SET", "MISSED", "EXTENDED", "MET_LATE");
            JsonNode register = json.readTree(http.getForObject("/commitments/III.7.5", String.class));
            assertThat(register.get("status").asText()).isEqualTo("LATE");
            assertThat(register.get("note").asText()).startsWith("met late: ");
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("ref=\"III.7.5\",service=\"deadline\",status=\"LATE\"")
                .doesNotContain("ref=\"III.7.5\",service=\"deadline\",status=\"MET\""));
        // published: version 2 of the report says LATE; version 1, which knows no LATE, says MET with "met late" in its note
        java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> lateReport =
                r -> text(r).contains("\"ref\":\"III.7.5\"") && text(r).contains("\"status\":\"LATE\"");
        List<JsonNode> reports = new java.util.ArrayList<>();
        for (var r : readUntil(DeadlineEventsV1.TOPIC, lateReport, PATIENCE)) {
            if (text(r).contains("\"ref\":\"III.7.5\"") && text(r).contains("met late: ")) {
                reports.add(json.readTree(text(r)));
            }
        }
        assertThat(reports).extracting(r -> r.get("type").asText() + " " + r.get("data").get("status").asText()).containsExactly(
                "nl.doorstroom.register.CommitmentProgressReported.v1 MET", "nl.doorstroom.register.CommitmentProgressReported.v2 LATE");
        assertThat(reports).allSatisfy(r -> assertThat(ContractSchemas.publishedEventViolations(r)).isEmpty());
        assertThat(reports.get(1).get("id").asText()).isNotEqualTo(reports.get(0).get("id").asText());

        assertProblem(post("/deadlines/III.2.1/met", """
                {"evidence":"again"}"""), HttpStatus.UNPROCESSABLE_ENTITY, "ref");
        assertProblem(post("/deadlines/III.2.3/2023-01-01/extensions", """
                {"newDue":"2023-02-01","reason":"earlier than now"}"""), HttpStatus.UNPROCESSABLE_ENTITY, "newDue");
        // a report from the future is bad input, refused before it reaches the deadline
        assertProblem(post("/deadlines/III.12.1/met", """
                {"evidence":"LRT-besluit","occurredOn":"2031-01-01"}"""), HttpStatus.BAD_REQUEST, "occurredOn");
        assertProblem(post("/deadlines/III.12.1/extensions", """
                {"reason":"no date"}"""), HttpStatus.BAD_REQUEST, "newDue");
        assertProblem(http.getForEntity("/deadlines?state=forgotten", String.class), HttpStatus.BAD_REQUEST, "state");
        assertThat(http.getForEntity("/deadlines/III.99", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/deadlines/III.99/met", "{\"evidence\":\"x\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(6)
    void replaying_the_deadline_history_into_a_fresh_projection_fires_no_deadline_and_publishes_nothing() throws Exception {
        clock.run();
        // nothing falls due in the next minutes of business time: the next catalogue date is December 2022
        String readModelBefore = readModelChecksum();
        long eventsBefore = deadlineEvents();
        Set<String> ownIds = new HashSet<>(jdbc.queryForList("""
                select event_identifier from domain_event_entry
                where payload_type similar to '%(DeadlineMissed|DeadlineMet|DeadlineMetLate|DeadlineExtended)'""", String.class));
        int publishedBefore = await().atMost(PATIENCE).until(() -> ownEvents(ownIds), events -> events.size() == ownIds.size()).size();

        StreamingEventProcessor projection = processing.eventProcessor(DeadlineProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        projection.shutDown();
        projection.resetTokens();
        projection.start();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(projection.processingStatus().values())
                .isNotEmpty().allSatisfy(status -> assertThat(status.isCaughtUp()
                        && status.getCurrentPosition().orElse(-1) >= status.getResetPosition().orElse(Long.MAX_VALUE))
                        .as(status.toString()).isTrue()));

        assertThat(readModelChecksum()).isEqualTo(readModelBefore);
        assertThat(deadlineEvents()).as("events of deadlines: none fired").isEqualTo(eventsBefore);
        List<ConsumerRecord<String, byte[]>> after = readUntil(DeadlineEventsV1.TOPIC, r -> false, Duration.ofSeconds(3));
        assertThat(after.stream().filter(r -> ownIds.contains(id(r))).count()).isEqualTo(publishedBefore);
    }

    @Test
    @Order(7)
    void rebuilding_every_projection_through_the_admin_endpoint_equals_the_live_state_fires_nothing_and_publishes_nothing() {
        ReadModelRebuild.Outcome outcome = ReadModelRebuild.rebuildEqualsLive(http, jdbc.getDataSource(), DeadlineEventsV1.TOPIC, PATIENCE);

        assertThat(outcome.replayed()).contains(DeadlineProjection.PROCESSING_GROUP, "commitment-register");
        assertThat(outcome.refused()).contains("deadline-register-report", "outbound-publisher");
    }

    private List<JsonNode> ownEvents(Set<String> ids) {
        return readUntil(DeadlineEventsV1.TOPIC, r -> false, Duration.ofSeconds(2)).stream()
                .filter(r -> ids.contains(id(r))).map(r -> {
                    try {
                        return json.readTree(text(r));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private String id(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readTree(text(record)).path("id").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private long deadlineEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like 'nl.doorstroom.deadline.%'", Long.class);
    }

    private String readModelChecksum() {
        return jdbc.queryForObject("""
                select md5(coalesce((select string_agg(ref || ':' || status || ':' || state::text, '|' order by ref) from deadline), ''))""",
                String.class);
    }

    private String state(String ref) throws Exception {
        return json.readTree(http.getForObject("/deadlines/" + ref, String.class)).get("status").asText();
    }

    private static Set<String> refs(JsonNode deadlines) {
        Set<String> refs = new HashSet<>();
        deadlines.forEach(d -> refs.add(d.get("ref").asText()));
        return refs;
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
    }

    private static String submitted(String businessCaseId, Instant submittedAt) {
        return TestCloudEvents.structured(FinanceEventsV1.type(FinanceEventsV1.BusinessCaseSubmitted.class), """
                {"businessCaseId":"%s","gemeente":"GM0363","title":"Doorstroomlocatie Amsterdam","amount":250000,"submittedAt":"%s","occurredOn":"%s"}"""
                .formatted(businessCaseId, submittedAt, DueMoment.dateOf(submittedAt)));
    }

    private static String capacityEvent(Class<? extends Record> type, String data) {
        return TestCloudEvents.structured(CapacityEventsV1.type(type), data);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
