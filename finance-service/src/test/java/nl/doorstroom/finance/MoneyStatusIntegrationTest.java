package nl.doorstroom.finance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a money commitment's status says, on a stack of its own (a context and database no other test writes to):
 * budgeted is not met, money moves the register only once committed or paid, and a line's remaining budget and
 * overruns are visible.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + FinanceServiceApplication.CONFIG_NAME, "doorstroom.test.stack=money-status"})
@ContextConfiguration(initializers = RealInfrastructure.class)
class MoneyStatusIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> MONEY = List.of("TABEL", "II.4", "II.8.7", "II.9", "III.10", "III.8", "III.14");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void budgeted_money_is_not_met_paid_money_moves_the_register_and_an_overrun_is_recorded_not_refused() throws Exception {
        // a fresh stack: every line is budgeted, nothing committed or paid, so no money commitment is met
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            for (String ref : MONEY) {
                JsonNode entry = get("/commitments/" + ref);
                assertThat(entry.get("status").asText()).as(ref).isEqualTo("OPEN");
                assertThat(entry.get("why").get("measure").get("money").get("paid").decimalValue()).as(ref).isZero();
            }
        });
        assertThat(get("/commitments/II.9").get("why").get("measure").get("money").get("budgeted").decimalValue())
                .isEqualByComparingTo(millions("259"));

        // a business case on HUISVESTINGSPAKKET, approved and paid: the line shows budgeted, committed and paid
        ResponseEntity<String> submitted = post("/business-cases", """
                {"gemeente":"GM0363","title":"Tijdelijke units Sloterdijk","amount":2500000,"occurredOn":"2022-09-12"}""");
        String businessCase = submitted.getHeaders().getLocation().getPath();
        assertThat(post(businessCase + "/assessment", """
                {"outcome":"APPROVED","approvedAmount":2000000,"line":"HUISVESTINGSPAKKET","occurredOn":"2022-09-13"}""")
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode position = position("HUISVESTINGSPAKKET", 2022);
            assertThat(position.get("budget").decimalValue()).isEqualByComparingTo(millions("98.5"));
            assertThat(position.get("committed").decimalValue()).isEqualByComparingTo(millions("2"));
            assertThat(position.get("paid").decimalValue()).isZero();
            assertThat(position.get("remaining").decimalValue()).isEqualByComparingTo(millions("96.5"));
            assertThat(get("/commitments/II.4").get("status").asText()).isEqualTo("IN_PROGRESS");
        });
        assertThat(post(businessCase + "/payment", "{\"occurredOn\":\"2022-09-20\"}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(position("HUISVESTINGSPAKKET", 2022).get("paid").decimalValue()).isEqualByComparingTo(millions("2"));
            JsonNode housingPackage = get("/commitments/II.4");
            assertThat(housingPackage.get("actual").decimalValue()).isEqualByComparingTo(millions("2"));
            assertThat(housingPackage.get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(housingPackage.get("why").get("basis").asText()).isEqualTo("MEASURED");
            assertThat(get("/commitments/TABEL").get("status").asText()).isEqualTo("IN_PROGRESS");
        });

        // the BDUR's structural 83 million paid for 2026: II.9 is met by what was delivered
        assertThat(post("/table/lines/BDUR/payments", """
                {"year":2026,"recipient":"VR01","amount":83000000,"description":"BDUR-uitkering 2026","occurredOn":"2026-01-15"}""")
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode bdur = get("/commitments/II.9");
            assertThat(bdur.get("status").asText()).isEqualTo("MET");
            assertThat(bdur.get("actual").decimalValue()).isEqualByComparingTo(millions("83"));
        });

        // beyond the year's budget: paid, and recorded as an overrun for the ministry, never refused
        assertThat(post("/table/lines/BDUR/payments", """
                {"year":2026,"recipient":"VR02","amount":1000000,"occurredOn":"2026-02-01"}""").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = 'BDUR'"
                + " and payload_type like '%BudgetOverrunRecorded'", Long.class)).isEqualTo(1);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode position = position("BDUR", 2026);
            assertThat(position.get("paid").decimalValue()).isEqualByComparingTo(millions("84"));
            assertThat(position.get("remaining").decimalValue()).isEqualByComparingTo(millions("-1"));
            assertThat(position.get("overrun").decimalValue()).isEqualByComparingTo(millions("1"));
            assertThat(position.get("overrunsRecorded").asInt()).isEqualTo(1);
        });

        // money is booked only where the line takes it; the refusal names the field and records nothing
        String otherCase = post("/business-cases", """
                {"gemeente":"GM0014","title":"Flexwoningen","amount":1000,"occurredOn":"2022-09-12"}""")
                .getHeaders().getLocation().getPath();
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertProblem(post("/table/lines/BZK_LEENFACILITEIT/payments", """
                {"year":2023,"recipient":"GM0363","amount":1000}"""), HttpStatus.UNPROCESSABLE_ENTITY, "line");
        assertProblem(post("/table/lines/CNO_KOSTEN/payments", """
                {"year":2023,"recipient":"VR01","amount":1000}"""), HttpStatus.UNPROCESSABLE_ENTITY, "line");
        assertProblem(post(otherCase + "/assessment", """
                {"outcome":"APPROVED","approvedAmount":1000,"line":"BDUR"}"""), HttpStatus.UNPROCESSABLE_ENTITY, "line");
        assertProblem(post("/table/lines/BDUR/payments", """
                {"year":2026,"recipient":"iemand","amount":1000}"""), HttpStatus.BAD_REQUEST, "recipient");
        assertProblem(post("/table/lines/BDUR/payments", """
                {"year":2026,"recipient":"VR01","amount":1000,"occurredOn":"2031-01-01"}"""), HttpStatus.BAD_REQUEST, "occurredOn");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    private JsonNode position(String line, int year) throws Exception {
        return StreamSupport.stream(get("/budget-positions?line=" + line).spliterator(), false)
                .filter(p -> p.get("year").asInt() == year).findFirst().orElseThrow();
    }

    private static void assertProblem(ResponseEntity<String> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains("\"" + field + "\"").doesNotContain("at org.");
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
