package nl.doorstroom.finance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.contracts.ContractSchemas;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.contracts.finance.FinanceEventsV1;
import nl.doorstroom.testsupport.RealInfrastructure;
import nl.doorstroom.testsupport.TestCloudEvents;
import nl.doorstroom.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.doorstroom.testsupport.TopicReader.readUntil;
import static nl.doorstroom.testsupport.TopicReader.send;
import static nl.doorstroom.testsupport.TopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** finance-service whole, on a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + FinanceServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class FinanceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Exact decimals: a table read as doubles could not be checked to the cent. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** "Tabel financiële middelen (in miljoenen)" as printed in the agreement; null is "-" or an empty cell. */
    private static final Map<String, String[]> AGREED = new LinkedHashMap<>();

    static {
        AGREED.put("BDUR", new String[]{null, "46", "57", "73", "83"});
        AGREED.put("HUISVESTINGSPAKKET", new String[]{"98.5", "17.9", "17.9", "17.9", "15.7"});
        AGREED.put("CENTRALE_INKOOPORDER_FLEXWONINGEN", new String[]{"95", "140.3", null, null, null});
        AGREED.put("ONTVANGSTEN_VERKOOP_FLEXWONINGEN", new String[]{null, "-140.3", "-95", null, null});
        AGREED.put("OPVANG_AMV", new String[]{null, "40", "40", "40", "40"});
        AGREED.put("PROJECT_OVERLASTGEVERS", new String[]{null, "15", "15", "15", "15"});
        AGREED.put("INBURGERING", new String[]{"20", "40", "30", null, null});
        AGREED.put("PROVINCIALE_REGIE_TAFEL", new String[]{"0.8", "2.4", null, null, null});
    }

    private static final String[] AGREED_TOTALS = {"214.3", "161.3", "64.9", "145.9", "153.7"};

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_table_from_its_events_is_the_agreements_to_the_cent_and_an_amendment_changes_it_but_not_what_was_known_before() throws Exception {
        JsonNode table = get("/table");
        assertThat(table.get("years")).hasToString("[2022,2023,2024,2025,2026]");
        assertThat(table.get("lines")).hasSize(AGREED.size());
        int row = 0;
        for (Map.Entry<String, String[]> line : AGREED.entrySet()) {
            JsonNode printed = table.get("lines").get(row++);
            assertThat(printed.get("line").asText()).isEqualTo(line.getKey());
            for (int i = 0; i < 5; i++) {
                JsonNode cell = printed.get("amounts").get(String.valueOf(2022 + i));
                String expected = line.getValue()[i];
                if (expected == null) {
                    assertThat(cell.isNull()).as(line.getKey() + " " + (2022 + i)).isTrue();
                } else {
                    assertThat(cell.decimalValue()).as(line.getKey() + " " + (2022 + i)).isEqualByComparingTo(millions(expected));
                }
            }
        }
        for (int i = 0; i < 5; i++) {
            assertThat(table.get("totals").get(String.valueOf(2022 + i)).decimalValue()).as("total " + (2022 + i))
                    .isEqualByComparingTo(millions(AGREED_TOTALS[i]));
        }
        JsonNode loan = table.get("apart").get(0);
        assertThat(loan.get("line").asText()).isEqualTo("BZK_LEENFACILITEIT");
        assertThat(loan.get("amounts").get("2023").decimalValue()).isEqualByComparingTo(millions("67"));
        JsonNode housingPackage = table.get("lines").get(1);
        assertThat(housingPackage.get("footnote").asText()).isEqualTo("3");
        assertThat(housingPackage.get("continuesThrough").asInt()).isEqualTo(2036);
        assertThat(housingPackage.get("continuingAmount").decimalValue()).isEqualByComparingTo(millions("14.3"));
        assertThat(table.get("lines").get(0).get("structural")).hasToString("[2026]");

        Instant beforeAmendment = Instant.now();
        Thread.sleep(5);
        ResponseEntity<String> amended = post("/table/lines/PROVINCIALE_REGIE_TAFEL/amendments", """
                {"year":2023,"amount":3000000.00,"reason":"PRT-middelen verhoogd bij Voorjaarsnota","occurredOn":"2023-04-14"}""");
        assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        JsonNode now = get("/table");
        assertThat(now.get("lines").get(7).get("amounts").get("2023").decimalValue()).isEqualByComparingTo(millions("3.0"));
        assertThat(now.get("totals").get("2023").decimalValue()).isEqualByComparingTo(millions("161.9"));
        JsonNode knownBefore = get("/table?knownAt=" + beforeAmendment);
        assertThat(knownBefore.get("lines").get(7).get("amounts").get("2023").decimalValue()).isEqualByComparingTo(millions("2.4"));
        assertThat(knownBefore.get("totals").get("2023").decimalValue()).isEqualByComparingTo(millions("161.3"));
        JsonNode validBefore = get("/table?validAt=2023-01-01");
        assertThat(validBefore.get("totals").get("2023").decimalValue()).isEqualByComparingTo(millions("161.3"));
    }

    @Test
    void a_claim_flows_from_submitted_to_approved_to_paid_and_the_payment_settles_the_claimants_open_advance() throws Exception {
        String location = cnoLocationReportedByCapacity("VR05");
        assertThat(post("/advances", """
                {"recipient":"VR05","amount":300000,"occurredOn":"2022-09-01"}""").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        ResponseEntity<String> submitted = post("/claims", """
                {"claimant":"VR05","category":"CNO_EXPLOITATIE","line":"CNO_KOSTEN","amount":125000.50,
                 "cnoLocationId":"%s","description":"exploitatie september","occurredOn":"2022-10-03"}""".formatted(location));
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
        String claim = submitted.getHeaders().getLocation().getPath();
        assertThat(post(claim + "/approval", """
                {"approvedAmount":120000,"reason":"beveiliging boven het afgesproken tarief","occurredOn":"2022-10-10"}""")
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post(claim + "/payment", """
                {"occurredOn":"2022-10-17"}""").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode paid = get(claim);
            assertThat(paid.get("status").asText()).isEqualTo("PAID");
            assertThat(paid.get("claimed").decimalValue()).isEqualByComparingTo(new BigDecimal("125000.50"));
            assertThat(paid.get("paid").decimalValue()).isEqualByComparingTo(new BigDecimal("120000.00"));
            assertThat(paid.get("partlyApproved").asBoolean()).isTrue();
            JsonNode advance = get("/advances/VR05");
            assertThat(advance.get("settled").decimalValue()).isEqualByComparingTo(new BigDecimal("120000.00"));
            assertThat(advance.get("open").decimalValue()).isEqualByComparingTo(new BigDecimal("180000.00"));
        });
        JsonNode pipeline = get("/claims/pipeline");
        assertThat(pipeline.get("VR05").get("PAID").get("count").asLong()).isEqualTo(1);
        JsonNode positions = get("/budget-positions");
        assertThat(positions).anySatisfy(p -> {
            assertThat(p.get("line").asText()).isEqualTo("CNO_KOSTEN");
            assertThat(p.get("year").asInt()).isEqualTo(2022);
            assertThat(p.get("committed").decimalValue()).isEqualByComparingTo(new BigDecimal("120000.00"));
            assertThat(p.get("paid").decimalValue()).isEqualByComparingTo(new BigDecimal("120000.00"));
        });
        assertThat(post(claim + "/payment", "{}").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        // the claim's life and the settlement are published, each on its contract
        String claimId = claim.substring(claim.lastIndexOf('/') + 1);
        List<ConsumerRecord<String, byte[]>> published = readUntil(FinanceEventsV1.TOPIC,
                r -> text(r).contains("AdvanceSettled") && text(r).contains(claimId), PATIENCE);
        List<JsonNode> events = published.stream().map(r -> readJson(text(r)))
                .filter(e -> e.toString().contains(claimId)).toList();
        assertThat(events).extracting(e -> e.get("type").asText()).contains(
                "nl.doorstroom.finance.ClaimSubmitted.v1", "nl.doorstroom.finance.ClaimDecided.v1",
                "nl.doorstroom.finance.ClaimPaid.v1", "nl.doorstroom.finance.AdvanceSettled.v1");
        for (JsonNode event : published.stream().map(r -> readJson(text(r))).toList()) {
            assertThat(ContractSchemas.publishedEventViolations(event)).as(event.toString()).isEmpty();
        }
        assertThat(events).filteredOn(e -> e.get("type").asText().endsWith("ClaimDecided.v1"))
                .singleElement().satisfies(e -> assertThat(e.get("data").get("outcome").asText()).isEqualTo("PARTLY_APPROVED"));
        assertThat(events.toString()).doesNotContain("exploitatie september");
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_claim_for_an_unknown_location_a_negative_amount_or_an_unknown_line_gets_an_error_naming_the_field_and_changes_nothing() throws Exception {
        String location = cnoLocationReportedByCapacity("VR06");
        long claimEvents = claimEvents();

        ResponseEntity<String> unknownLocation = post("/claims", """
                {"claimant":"VR06","category":"PERSONEEL","line":"CNO_KOSTEN","amount":1000,"cnoLocationId":"CNO-NOOIT-GEMELD"}""");
        assertProblem(unknownLocation, HttpStatus.UNPROCESSABLE_ENTITY, "cnoLocationId");

        ResponseEntity<String> negative = post("/claims", """
                {"claimant":"VR06","category":"PERSONEEL","line":"CNO_KOSTEN","amount":-1000,"cnoLocationId":"%s"}""".formatted(location));
        assertProblem(negative, HttpStatus.UNPROCESSABLE_ENTITY, "amount");

        ResponseEntity<String> unknownLine = post("/claims", """
                {"claimant":"VR06","category":"PERSONEEL","line":"ONBEKENDE_REGEL","amount":1000,"cnoLocationId":"%s"}""".formatted(location));
        assertProblem(unknownLine, HttpStatus.UNPROCESSABLE_ENTITY, "line");

        ResponseEntity<String> otherRegion = post("/claims", """
                {"claimant":"VR07","category":"PERSONEEL","line":"CNO_KOSTEN","amount":1000,"cnoLocationId":"%s"}""".formatted(location));
        assertProblem(otherRegion, HttpStatus.UNPROCESSABLE_ENTITY, "claimant");

        ResponseEntity<String> notACategory = post("/claims", """
                {"claimant":"VR06","category":"FEEST","line":"CNO_KOSTEN","amount":1000,"cnoLocationId":"%s"}""".formatted(location));
        assertThat(notACategory.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notACategory.getBody()).doesNotContain("at org.").doesNotContain("Exception");

        assertThat(claimEvents()).isEqualTo(claimEvents);
        assertThat(get("/claims?veiligheidsregio=VR06")).isEmpty();
    }

    @Test
    void a_submitted_business_case_and_its_assessment_are_published_for_the_deadline_service() throws Exception {
        ResponseEntity<String> submitted = post("/business-cases", """
                {"gemeente":"GM0363","title":"Tijdelijke units Sloterdijk","amount":2500000,"occurredOn":"2022-09-12"}""");
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String path = submitted.getHeaders().getLocation().getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);

        ConsumerRecord<String, byte[]> published = readUntil(FinanceEventsV1.TOPIC, r -> id.equals(r.key()), PATIENCE).stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        JsonNode submission = JSON.readTree(text(published));
        assertThat(submission.get("type").asText()).isEqualTo("nl.doorstroom.finance.BusinessCaseSubmitted.v1");
        assertThat(ContractSchemas.publishedEventViolations(submission)).isEmpty();
        assertThat(submission.get("data").get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("2500000.00"));
        assertThat(Instant.parse(submission.get("data").get("submittedAt").asText())).isBefore(Instant.now().plusSeconds(1));

        assertThat(post(path + "/assessment", """
                {"outcome":"APPROVED","approvedAmount":2000000,"line":"HUISVESTINGSPAKKET","occurredOn":"2022-09-13"}""")
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        List<ConsumerRecord<String, byte[]>> records = readUntil(FinanceEventsV1.TOPIC,
                r -> id.equals(r.key()) && text(r).contains("BusinessCaseAssessed"), PATIENCE);
        JsonNode assessment = JSON.readTree(text(records.stream()
                .filter(r -> id.equals(r.key()) && text(r).contains("BusinessCaseAssessed")).findFirst().orElseThrow()));
        assertThat(ContractSchemas.publishedEventViolations(assessment)).isEmpty();
        assertThat(assessment.get("data").get("outcome").asText()).isEqualTo("APPROVED");

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode businessCase = get(path);
            assertThat(businessCase.get("status").asText()).isEqualTo("APPROVED");
            assertThat(businessCase.get("assessedInTime").asBoolean()).isTrue();
        });
        ResponseEntity<String> notFromAProvince = post("/business-cases", """
                {"gemeente":"PV20","title":"x","amount":1}""");
        assertProblem(notFromAProvince, HttpStatus.BAD_REQUEST, "gemeente");
    }

    @Test
    void a_capacity_event_off_contract_goes_to_the_dead_letter_topic_and_the_next_location_is_still_noted() throws Exception {
        String broken = "CNO-" + UUID.randomUUID();
        send(CapacityEventsV1.TOPIC, broken, TestCloudEvents.structured(
                CapacityEventsV1.type(CapacityEventsV1.CnoLocationOpened.class), """
                        {"locationId":"%s","name":"zonder regio","gemeente":null,"places":10,"belowNormalStandard":false,"occurredOn":"2022-09-01"}"""
                        .formatted(broken)));
        String next = cnoLocationReportedByCapacity("VR08");

        List<ConsumerRecord<String, byte[]>> dead = readUntil(CapacityEventsV1.TOPIC + ".DLT", r -> broken.equals(r.key()), PATIENCE);
        assertThat(dead).anySatisfy(r -> assertThat(r.key()).isEqualTo(broken));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                "cno-locatie:" + next)).isEqualTo(1);
    }

    @Test
    void the_register_measures_the_table_and_the_advance_and_prometheus_shows_the_money() throws Exception {
        JsonNode table = get("/table");
        BigDecimal grandTotal = sum(table.get("totals"));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode tabel = get("/commitments/TABEL");
            assertThat(tabel.get("why").get("measure").get("money").get("budgeted").decimalValue()).isEqualByComparingTo(grandTotal);
            assertThat(tabel.get("target").isNull()).isTrue();
            assertThat(tabel.get("service").asText()).isEqualTo("finance");
        });
        assertThat(post("/advances", """
                {"recipient":"GM0014","amount":1000000,"occurredOn":"2022-09-05"}""").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(get("/commitments/III.14").get("actual").decimalValue()).isGreaterThanOrEqualTo(millions("1")));
        // budgeted is not delivered: the BDUR's 83 million of 2026 is in the table, and II.9 is not met by that
        JsonNode bdur = get("/commitments/II.9");
        assertThat(bdur.get("why").get("measure").get("money").get("budgeted").decimalValue()).isEqualByComparingTo(millions("259"));
        assertThat(bdur.get("status").asText()).isNotEqualTo("MET");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("doorstroom_finance_budget_euros\\{[^}]*line=\"BDUR\"[^}]*year=\"2026\"} 8.3E7")
                .containsPattern("doorstroom_finance_budget_euros\\{[^}]*line=\"ONTVANGSTEN_VERKOOP_FLEXWONINGEN\"[^}]*year=\"2023\"} -1.403E8")
                .contains("doorstroom_finance_advance_paid_euros{")
                .contains("doorstroom_finance_business_cases{"));
    }

    @Test
    void writing_needs_a_token_of_the_right_role_and_party_and_a_refused_write_records_nothing() throws Exception {
        String body = """
                {"gemeente":"GM0363","title":"Tijdelijke units","amount":1000}""";
        long before = jdbc.queryForObject("select count(*) from domain_event_entry where type = 'BusinessCase'", Long.class);

        ResponseEntity<String> anonymous = postAs(null, "/business-cases", body);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(postAs(TestTokens.token("gemeente-GM0014", List.of("gemeente"), "GM0014"), "/business-cases", body)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postAs(TestTokens.token("ops", List.of("ops"), null), "/business-cases", body)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postAs(TestTokens.token("gemeente-GM0363", List.of("gemeente"), "GM0363"), "/table/lines/BDUR/amendments", """
                {"year":2026,"amount":1,"reason":"zelf verhoogd"}""").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where type = 'BusinessCase'", Long.class))
                .isEqualTo(before);

        assertThat(postAs(TestTokens.token("gemeente-GM0363", List.of("gemeente"), "GM0363"), "/business-cases", body)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        HttpHeaders reader = new HttpHeaders();
        reader.setBearerAuth(TestTokens.token("analyst", List.of("analyst"), null));
        assertThat(http.exchange("/table", org.springframework.http.HttpMethod.GET, new HttpEntity<>(reader), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> postAs(String token, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // an empty Authorization header keeps the test's default admin token off the request
        headers.set(HttpHeaders.AUTHORIZATION, token == null ? "" : "Bearer " + token);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static BigDecimal sum(JsonNode totals) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode total : totals) {
            sum = sum.add(total.decimalValue());
        }
        return sum;
    }

    private String cnoLocationReportedByCapacity(String veiligheidsregio) {
        String id = "CNO-" + UUID.randomUUID();
        send(CapacityEventsV1.TOPIC, id, TestCloudEvents.structured(
                CapacityEventsV1.type(CapacityEventsV1.CnoLocationOpened.class), """
                        {"locationId":"%s","veiligheidsregio":"%s","name":"Sporthal","gemeente":null,"places":150,"belowNormalStandard":false,"occurredOn":"2022-09-01"}"""
                        .formatted(id, veiligheidsregio)));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, "cno-locatie:" + id) == 1);
        return id;
    }

    private long claimEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where type = 'Claim'", Long.class);
    }

    private static void assertProblem(ResponseEntity<String> response, HttpStatus status, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains(field).doesNotContain("at org.");
    }

    private static BigDecimal millions(String amount) {
        return new BigDecimal(amount).movePointRight(6).setScale(2);
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
