package nl.doorstroom.housing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.contracts.ContractSchemas;
import nl.doorstroom.contracts.housing.HousingEventsV1;
import nl.doorstroom.housing.messaging.InboundTopics;
import nl.doorstroom.housing.projection.HousingMeasure;
import nl.doorstroom.testsupport.TestTokens;
import nl.doorstroom.testsupport.RealInfrastructure;
import nl.doorstroom.testsupport.TestCloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static nl.doorstroom.testsupport.TopicReader.header;
import static nl.doorstroom.testsupport.TopicReader.readUntil;
import static nl.doorstroom.testsupport.TopicReader.send;
import static nl.doorstroom.testsupport.TopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * housing-service whole, on a real PostgreSQL and a real Kafka broker. The business clock starts on
 * 1 October 2022, three months into 2022-H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + HousingServiceApplication.CONFIG_NAME,
                "doorstroom.clock.start=2022-10-01T09:00:00Z", "doorstroom.housing.gauge-refresh=1s"})
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class HousingIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String H2_2022 = "/periods/2022-H2";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    HousingMeasure measure;

    /** Nobody posts it: the service sets the agreement's taakstelling (catalogue/figures.yaml) when it starts. */
    @BeforeEach
    void theTaakstellingFor2022H2Is13500() {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(json.readTree(http.getForObject(H2_2022 + "/national", String.class)).get("taakstelling").asLong())
                        .isEqualTo(13_500));
    }

    @Test
    void the_agreements_taakstelling_is_there_on_a_fresh_service_and_posting_it_again_changes_nothing_but_another_figure_is_refused()
            throws Exception {
        JsonNode amsterdam = municipality("GM0363");
        assertThat(amsterdam.get("taakstelling").asInt()).isEqualTo(693);
        JsonNode national = json.readTree(http.getForObject(H2_2022 + "/national", String.class));
        assertThat(national.get("nationalTaakstellingSet").asInt()).isEqualTo(13_500);
        assertThat(national.get("setOn").asText()).isEqualTo("2022-08-26");
        assertThat(national.get("minimum").asInt()).isEqualTo(15_300);
        assertThat(national.get("ambition").asInt()).isEqualTo(20_000);

        String distributed = "select count(*) from domain_event_entry where aggregate_identifier = '2022-H2'"
                + " and payload_type like '%TaakstellingDistributed'";
        assertThat(jdbc.queryForObject(distributed, Long.class)).isEqualTo(1);
        assertThat(post(H2_2022 + "/taakstelling", """
                {"nationalTotal":13500,"occurredOn":"2022-08-26"}""").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(jdbc.queryForObject(distributed, Long.class)).as("the same figure again").isEqualTo(1);
        ResponseEntity<String> other = post(H2_2022 + "/taakstelling", """
                {"nationalTotal":14000,"occurredOn":"2022-09-01"}""");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(field(other)).isEqualTo("period");
    }

    @Test
    void a_housing_reported_by_a_municipality_shows_in_its_figures_and_half_of_its_taakstelling_on_1_october_is_on_schedule()
            throws Exception {
        JsonNode before = municipality("GM0014");
        assertThat(before.get("taakstelling").asInt()).isEqualTo(180);
        assertThat(before.get("corrected").asInt()).isEqualTo(180);
        assertThat(before.get("pace").get("level").asText()).isEqualTo("BEHIND");

        ResponseEntity<String> recorded = post("/municipalities/GM0014/housings", """
                {"persons":90,"housingForm":"REGULIERE_WONINGVOORRAAD"}""");
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(recorded.getHeaders().getLocation()).hasPath("/periods/2022-H2/municipalities/GM0014");

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(municipality("GM0014").get("housed").asInt()).isEqualTo(90));
        JsonNode after = municipality("GM0014");
        assertThat(after.get("remaining").asInt()).isEqualTo(90);
        assertThat(after.get("shareRealisedPercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(after.get("housedByForm").get("REGULIERE_WONINGVOORRAAD").asInt()).isEqualTo(90);
        assertThat(after.get("pace").get("monthsElapsed").asInt()).isEqualTo(3);
        assertThat(after.get("pace").get("level").asText()).isEqualTo("ON_SCHEDULE");
    }

    @Test
    void a_coa_message_on_coa_statushouders_moves_the_housed_count_and_the_outflow_is_published() throws Exception {
        String zaak = "Z-" + UUID.randomUUID();
        send(InboundTopics.COA_STATUSHOUDERS, zaak, TestCloudEvents.structured("nl.coa.statushouders.StatushouderGekoppeld.v1", """
                {"zaakId":"%s","gemeente":"GM0034","datum":"2022-09-20"}""".formatted(zaak)));
        send(InboundTopics.COA_STATUSHOUDERS, zaak, TestCloudEvents.structured("nl.coa.statushouders.StatushouderGehuisvest.v1", """
                {"zaakId":"%s","gemeente":"GM0034","datum":"2022-09-28","huisvestingsvorm":"FLEXWONING","aantalPersonen":4}"""
                .formatted(zaak)));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode almere = municipality("GM0034");
            assertThat(almere.get("housed").asInt()).isEqualTo(4);
            assertThat(almere.get("linked").asInt()).isEqualTo(1);
            assertThat(almere.get("housedByForm").get("FLEXWONING").asInt()).isEqualTo(4);
        });

        List<ConsumerRecord<String, byte[]>> records = readUntil(HousingEventsV1.TOPIC,
                r -> "GM0034".equals(r.key()) && text(r).contains("StatushoudersHoused"), PATIENCE);
        JsonNode housed = json.readTree(text(records.stream()
                .filter(r -> "GM0034".equals(r.key()) && text(r).contains("StatushoudersHoused")).findFirst().orElseThrow()));
        assertThat(housed.get("type").asText()).isEqualTo("nl.doorstroom.housing.StatushoudersHoused.v1");
        assertThat(housed.get("source").asText()).isEqualTo("/doorstroom/housing");
        assertThat(housed.get("data").get("persons").asInt()).isEqualTo(4);
        assertThat(housed.get("data").get("provincie").asText()).isEqualTo("PV24");
        assertThat(text(records.stream().filter(r -> "GM0034".equals(r.key())).findFirst().orElseThrow())).doesNotContain(zaak);
    }

    @Test
    void a_message_carrying_a_bsn_or_a_name_goes_to_the_dead_letter_topic_with_its_reason_but_without_the_bsn_or_the_name_and_changes_nothing()
            throws Exception {
        // found on the DLT by CloudEvent id: a dead letter of coa.statushouders.v1 keeps no key (it may be a BSN too)
        String withBsn = "BSN-" + UUID.randomUUID();
        send(InboundTopics.COA_STATUSHOUDERS, withBsn, TestCloudEvents.structured(withBsn, "nl.coa.statushouders.StatushouderGehuisvest.v1", """
                {"zaakId":"Z-1","gemeente":"GM0037","datum":"2022-09-28","huisvestingsvorm":"FLEXWONING","bsn":"123456782"}"""));
        String withName = "NAAM-" + UUID.randomUUID();
        send(InboundTopics.COA_STATUSHOUDERS, withName, TestCloudEvents.structured(withName, "nl.coa.statushouders.StatushouderGekoppeld.v1", """
                {"zaakId":"Z-2","gemeente":"GM0037","datum":"2022-09-28","naam":"J. Jansen"}"""));
        String bareBsn = "ZAAK-" + UUID.randomUUID();
        send(InboundTopics.COA_STATUSHOUDERS, "123456782", TestCloudEvents.structured(bareBsn, "nl.coa.statushouders.StatushouderGekoppeld.v1", """
                {"zaakId":"123456782","gemeente":"GM0037","datum":"2022-09-28"}"""));
        String unknown = "UNKNOWN-" + UUID.randomUUID();
        send(InboundTopics.COA_STATUSHOUDERS, unknown, TestCloudEvents.structured(unknown, "nl.coa.statushouders.StatushouderGekoppeld.v1", """
                {"zaakId":"Z-3","gemeente":"GM9999","datum":"2022-09-28"}"""));
        String next = "Z-" + UUID.randomUUID();
        send(InboundTopics.COA_STATUSHOUDERS, next, TestCloudEvents.structured("nl.coa.statushouders.StatushouderGehuisvest.v1", """
                {"zaakId":"%s","gemeente":"GM0047","datum":"2022-09-28","huisvestingsvorm":"TUSSENVOORZIENING"}""".formatted(next)));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(municipality("GM0047").get("housed").asInt()).isEqualTo(1));

        String dlt = InboundTopics.COA_STATUSHOUDERS + ".DLT";
        List<ConsumerRecord<String, byte[]>> dead = readUntil(dlt, r -> text(r).contains(unknown), PATIENCE);
        assertThat(reason(dead, withBsn)).contains("/bsn");
        assertThat(reason(dead, withName)).contains("/naam");
        assertThat(reason(dead, bareBsn)).contains("/zaakId");
        assertThat(reason(dead, unknown)).contains("unknown municipality GM9999");
        for (String id : List.of(withBsn, withName, bareBsn, unknown)) {
            ConsumerRecord<String, byte[]> letter = deadLetter(dead, id);
            assertThat(text(letter)).as(id).doesNotContain("123456782").doesNotContain("Jansen").doesNotContain("GM0037");
            assertThat(letter.key()).as(id).isNull();
            letter.headers().forEach(h -> assertThat(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .as(id + " header " + h.key()).doesNotContain("123456782").doesNotContain("Jansen"));
            assertThat(header(letter, "doorstroom_dlt-redacted")).as(id).isEqualTo("data");
        }
        JsonNode stadskanaal = municipality("GM0037");
        assertThat(stadskanaal.get("housed").asInt()).isZero();
        assertThat(stadskanaal.get("linked").asInt()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from domain_event where payload::text like '%123456782%'", Long.class)).isZero();
    }

    @Test
    void a_redelivered_coa_message_changes_nothing() throws Exception {
        String zaak = "Z-" + UUID.randomUUID();
        String message = TestCloudEvents.structured(UUID.randomUUID().toString(), "nl.coa.statushouders.StatushouderGehuisvest.v1", """
                {"zaakId":"%s","gemeente":"GM0106","datum":"2022-09-12","huisvestingsvorm":"TUSSENVOORZIENING","aantalPersonen":3}"""
                .formatted(zaak));
        send(InboundTopics.COA_STATUSHOUDERS, "GM0106", message);
        send(InboundTopics.COA_STATUSHOUDERS, "GM0106", message);
        // same key, same partition: once this one shows, both deliveries before it were handled
        send(InboundTopics.COA_STATUSHOUDERS, "GM0106", TestCloudEvents.structured("nl.coa.statushouders.StatushouderGehuisvest.v1", """
                {"zaakId":"Z-%s","gemeente":"GM0106","datum":"2022-09-13","huisvestingsvorm":"FLEXWONING"}""".formatted(UUID.randomUUID())));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(municipality("GM0106").get("housedByForm").get("FLEXWONING").asInt()).isEqualTo(1));
        assertThat(municipality("GM0106").get("housed").asInt()).isEqualTo(4);
    }

    @Test
    void bad_input_gets_problem_json_naming_the_field_and_records_nothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        ResponseEntity<String> unknown = post("/municipalities/GM9999/housings", """
                {"persons":3,"housingForm":"FLEXWONING"}""");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(field(unknown)).isEqualTo("gemeente");

        ResponseEntity<String> negative = post("/municipalities/GM0014/housings", """
                {"persons":-3,"housingForm":"FLEXWONING"}""");
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(negative)).isEqualTo("persons");

        ResponseEntity<String> zero = post("/municipalities/GM0014/housings", """
                {"persons":0,"housingForm":"FLEXWONING"}""");
        assertThat(zero.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(zero)).isEqualTo("persons");

        ResponseEntity<String> period = post("/municipalities/GM0014/housings", """
                {"persons":3,"housingForm":"FLEXWONING","period":"2022-H3"}""");
        assertThat(period.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(period)).isEqualTo("period");

        ResponseEntity<String> future = post("/municipalities/GM0014/housings", """
                {"persons":3,"housingForm":"FLEXWONING","occurredOn":"2031-01-01"}""");
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(future)).isEqualTo("occurredOn");

        ResponseEntity<String> form = post("/municipalities/GM0014/housings", """
                {"persons":3,"housingForm":"PALEIS"}""");
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(form)).isEqualTo("housingForm");

        ResponseEntity<String> wrongCode = post("/municipalities/Amsterdam/housings", """
                {"persons":3,"housingForm":"FLEXWONING"}""");
        assertThat(wrongCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(wrongCode)).isEqualTo("gmCode");

        ResponseEntity<String> query = http.getForEntity("/periods/2022-2/national", String.class);
        assertThat(query.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(query)).isEqualTo("period");

        ResponseEntity<String> twice = post(H2_2022 + "/taakstelling", """
                {"nationalTotal":15300}""");
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(field(twice)).isEqualTo("period");

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void a_province_is_the_sum_of_its_municipalities_and_the_country_the_sum_of_the_provinces() throws Exception {
        post("/municipalities/GM0050/housings", """
                {"persons":7,"housingForm":"TIJDELIJKE_VOORZIENING","occurredOn":"2022-09-01"}""");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(municipality("GM0050").get("housed").asInt()).isEqualTo(7));

        JsonNode flevoland = json.readTree(http.getForObject(H2_2022 + "/provinces/PV24", String.class));
        assertThat(flevoland.get("gemeenten").asInt()).isEqualTo(6);
        long taakstelling = 0;
        long corrected = 0;
        long housed = 0;
        for (String gm : List.of("GM0034", "GM0050", "GM0171", "GM0184", "GM0303", "GM0995")) {
            JsonNode m = municipality(gm);
            assertThat(m.get("provincie").asText()).isEqualTo("PV24");
            taakstelling += m.get("taakstelling").asLong();
            corrected += m.get("corrected").asLong();
            housed += m.get("housed").asLong();
        }
        assertThat(flevoland.get("taakstelling").asLong()).isEqualTo(taakstelling);
        assertThat(flevoland.get("corrected").asLong()).isEqualTo(corrected);
        assertThat(flevoland.get("housed").asLong()).isEqualTo(housed).isGreaterThanOrEqualTo(7);

        JsonNode national = json.readTree(http.getForObject(H2_2022 + "/national", String.class));
        assertThat(national.get("provincies")).hasSize(12);
        long provincesTaakstelling = 0;
        long provincesHoused = 0;
        for (JsonNode pv : national.get("provincies")) {
            provincesTaakstelling += pv.get("taakstelling").asLong();
            provincesHoused += pv.get("housed").asLong();
        }
        assertThat(national.get("taakstelling").asLong()).isEqualTo(provincesTaakstelling).isEqualTo(13_500);
        assertThat(national.get("nationalTaakstellingSet").asInt()).isEqualTo(13_500);
        assertThat(national.get("housed").asLong()).isEqualTo(provincesHoused);
        assertThat(national.get("minimum").asInt()).isEqualTo(15_300);
        assertThat(national.get("ambition").asInt()).isEqualTo(20_000);
        assertThat(national.get("shortOfMinimum").asLong()).isEqualTo(15_300 - provincesHoused);
    }

    @Test
    void utrecht_hands_50_of_its_taakstelling_to_amersfoort_once_amersfoort_agrees_and_the_province_and_country_stay_the_same()
            throws Exception {
        JsonNode utrechtBefore = municipality("GM0344");
        JsonNode amersfoortBefore = municipality("GM0307");
        long provinceBefore = json.readTree(http.getForObject(H2_2022 + "/provinces/PV26", String.class)).get("corrected").asLong();

        String utrecht = TestTokens.token("gemeente-GM0344", List.of("gemeente"), "GM0344");
        ResponseEntity<String> proposed = postAs(utrecht, H2_2022 + "/swaps", """
                {"fromGemeente":"GM0344","toGemeente":"GM0307","persons":50,"compensation":"200 CNO-plaatsen","occurredOn":"2022-10-01"}""");
        assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(proposed.getHeaders().getLocation()).hasPath("/periods/2022-H2/municipalities/GM0344");
        JsonNode proposal = json.readTree(proposed.getBody());
        assertThat(proposal.get("status").asText()).isEqualTo("PROPOSED");
        String swapId = proposal.get("swapId").asText();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(municipality("GM0344")
                .get("swapsAwaitingAgreement").findValuesAsText("swapId")).containsExactly(swapId));
        assertThat(municipality("GM0344").get("swappedOut").asInt()).as("nothing moves before Amersfoort agrees")
                .isEqualTo(utrechtBefore.get("swappedOut").asInt());

        String agreement = "{\"swapId\":\"" + swapId + "\",\"occurredOn\":\"2022-10-01\"}";
        ResponseEntity<String> forAmersfoort = postAs(TestTokens.token("gemeente-GM0310", List.of("gemeente"), "GM0310"),
                H2_2022 + "/municipalities/GM0307/swap-agreements", agreement);
        assertThat(forAmersfoort.getStatusCode()).as("only Amersfoort agrees for Amersfoort: " + forAmersfoort.getBody())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> notToDeBilt = postAs(TestTokens.token("gemeente-GM0310", List.of("gemeente"), "GM0310"),
                H2_2022 + "/municipalities/GM0310/swap-agreements", agreement);
        assertThat(notToDeBilt.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(field(notToDeBilt)).isEqualTo("swapId");
        ResponseEntity<String> swapped = postAs(TestTokens.token("gemeente-GM0307", List.of("gemeente"), "GM0307"),
                H2_2022 + "/municipalities/GM0307/swap-agreements", agreement);
        assertThat(swapped.getStatusCode()).as(swapped.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json.readTree(swapped.getBody()).get("status").asText()).isEqualTo("AGREED");

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(municipality("GM0344").get("swappedOut").asInt()).isEqualTo(utrechtBefore.get("swappedOut").asInt() + 50);
            assertThat(municipality("GM0307").get("swappedIn").asInt()).isEqualTo(amersfoortBefore.get("swappedIn").asInt() + 50);
        });
        assertThat(municipality("GM0344").get("corrected").asInt()).isEqualTo(utrechtBefore.get("corrected").asInt() - 50);
        assertThat(municipality("GM0344").get("swapsAwaitingAgreement")).isEmpty();
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry"
                + " where aggregate_identifier = 'GM0344' and payload_type like '%TaakstellingSwappedOut'", String.class))
                .contains("\"agreedBy\":\"GM0307\"").contains("\"occurredOn\":\"2022-10-01\"");
        assertThat(municipality("GM0344").get("taakstelling").asInt()).isEqualTo(utrechtBefore.get("taakstelling").asInt());
        assertThat(municipality("GM0307").get("corrected").asInt()).isEqualTo(amersfoortBefore.get("corrected").asInt() + 50);
        assertThat(json.readTree(http.getForObject(H2_2022 + "/provinces/PV26", String.class)).get("corrected").asLong())
                .isEqualTo(provinceBefore);
        JsonNode national = json.readTree(http.getForObject(H2_2022 + "/national", String.class));
        assertThat(national.get("corrected").asLong()).isEqualTo(13_500);
        assertThat(national.get("swappedIn").asLong()).isEqualTo(national.get("swappedOut").asLong()).isGreaterThanOrEqualTo(50);

        ResponseEntity<String> tooMany = post(H2_2022 + "/swaps", """
                {"fromGemeente":"GM0344","toGemeente":"GM0307","persons":10000,"compensation":"asielopvang"}""");
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMany.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(field(tooMany)).isEqualTo("persons");
        ResponseEntity<String> itself = post(H2_2022 + "/swaps", """
                {"fromGemeente":"GM0344","toGemeente":"GM0344","persons":5,"compensation":"asielopvang"}""");
        assertThat(itself.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(field(itself)).isEqualTo("toGemeente");
        ResponseEntity<String> noCompensation = post(H2_2022 + "/swaps", """
                {"fromGemeente":"GM0344","toGemeente":"GM0307","persons":5}""");
        assertThat(noCompensation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(noCompensation)).isEqualTo("compensation");

        List<ConsumerRecord<String, byte[]>> records = readUntil(HousingEventsV1.TOPIC,
                r -> "GM0344".equals(r.key()) && text(r).contains("TaakstellingSwapped"), PATIENCE);
        JsonNode published = json.readTree(text(records.stream()
                .filter(r -> "GM0344".equals(r.key()) && text(r).contains("TaakstellingSwapped")).findFirst().orElseThrow()));
        String type = published.get("type").asText();
        assertThat(type).isEqualTo("nl.doorstroom.housing.TaakstellingSwapped.v1");
        assertThat(published.get("data").get("toGemeente").asText()).isEqualTo("GM0307");
        assertThat(published.get("data").get("persons").asInt()).isEqualTo(50);
        assertThat(published.get("data").get("withinProvincie").asBoolean()).isTrue();
        assertThat(ContractSchemas.publishedEventViolations(published)).isEmpty();
    }

    @Test
    void the_regietafel_of_utrecht_arranges_a_swap_in_its_province_and_records_a_plan_and_no_other_province_can()
            throws Exception {
        String prtUtrecht = TestTokens.token("provincie-PV26", List.of("provincie"), "PV26");
        String prtNoordHolland = TestTokens.token("provincie-PV27", List.of("provincie"), "PV27");
        JsonNode deBiltBefore = municipality("GM0310");

        String swap = """
                {"fromGemeente":"GM0308","toGemeente":"GM0310","persons":3,"compensation":"40 CNO-plaatsen","occurredOn":"2022-09-21"}""";
        assertThat(postAs(prtNoordHolland, H2_2022 + "/swaps", swap).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postAs(TestTokens.token("gemeente-GM0310", List.of("gemeente"), "GM0310"), H2_2022 + "/swaps", swap)
                .getStatusCode()).as("the receiving municipality does not give away another's share").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> arranged = postAs(prtUtrecht, H2_2022 + "/swaps", swap);
        assertThat(arranged.getStatusCode()).as(arranged.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json.readTree(arranged.getBody()).get("status").asText()).as("arranged with both: in effect at once")
                .isEqualTo("AGREED");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(municipality("GM0310").get("swappedIn").asInt()).isEqualTo(deBiltBefore.get("swappedIn").asInt() + 3));
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry"
                + " where aggregate_identifier = 'GM0308' and payload_type like '%TaakstellingSwappedOut'", String.class))
                .contains("\"arrangedBy\":\"PV26\"");

        ResponseEntity<String> across = postAs(prtUtrecht, H2_2022 + "/swaps", """
                {"fromGemeente":"GM0308","toGemeente":"GM0363","persons":1,"compensation":"asielopvang"}""");
        assertThat(across.getStatusCode()).as("Amsterdam's PRT is Noord-Holland's").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(field(across)).isEqualTo("toGemeente");

        String plan = """
                {"subject":"PLAN_AFGESTEMD","note":"Plan 2022-H2 aan de PRT besproken","occurredOn":"2022-09-22"}""";
        assertThat(postAs(prtNoordHolland, H2_2022 + "/municipalities/GM0310/prt-agreements", plan).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postAs(prtUtrecht, H2_2022 + "/municipalities/GM0310/prt-agreements", plan).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode prt = municipality("GM0310").get("prt");
            assertThat(prt).hasSize(1);
            assertThat(prt.get(0).get("subject").asText()).isEqualTo("PLAN_AFGESTEMD");
            assertThat(prt.get(0).get("occurredOn").asText()).isEqualTo("2022-09-22");
        });
        ResponseEntity<String> noNote = postAs(prtUtrecht, H2_2022 + "/municipalities/GM0310/prt-agreements",
                "{\"subject\":\"AANGESPROKEN\",\"note\":\" \"}");
        assertThat(noNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(noNote)).isEqualTo("note");
    }

    @Test
    void a_corrected_housing_count_is_published_with_the_count_it_replaces_and_the_new_one() throws Exception {
        assertThat(post("/municipalities/GM0193/housings", """
                {"persons":40,"housingForm":"TUSSENVOORZIENING","occurredOn":"2022-09-15"}""").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        ResponseEntity<String> corrected = post("/municipalities/GM0193/housings/corrections", """
                {"period":"2022-H2","housingForm":"TUSSENVOORZIENING","persons":35,
                 "reason":"vijf personen dubbel geteld in de septemberrapportage","occurredOn":"2022-09-15"}""");
        assertThat(corrected.getStatusCode()).as(corrected.getBody()).isEqualTo(HttpStatus.ACCEPTED);

        List<ConsumerRecord<String, byte[]>> records = readUntil(HousingEventsV1.TOPIC,
                r -> "GM0193".equals(r.key()) && text(r).contains("StatushoudersHousingCorrected"), PATIENCE);
        JsonNode published = json.readTree(text(records.stream()
                .filter(r -> "GM0193".equals(r.key()) && text(r).contains("StatushoudersHousingCorrected")).findFirst().orElseThrow()));
        assertThat(published.get("specversion").asText()).isEqualTo("1.0");
        assertThat(published.get("type").asText()).isEqualTo("nl.doorstroom.housing.StatushoudersHousingCorrected.v1");
        assertThat(published.get("source").asText()).isEqualTo("/doorstroom/housing");
        JsonNode data = published.get("data");
        assertThat(data.get("gemeente").asText()).isEqualTo("GM0193");
        assertThat(data.get("provincie").asText()).isEqualTo("PV23");
        assertThat(data.get("period").asText()).isEqualTo("2022-H2");
        assertThat(data.get("housingForm").asText()).isEqualTo("TUSSENVOORZIENING");
        assertThat(data.get("from").asInt()).isEqualTo(40);
        assertThat(data.get("to").asInt()).isEqualTo(35);
        assertThat(data.get("reason").asText()).isEqualTo("vijf personen dubbel geteld in de septemberrapportage");
        assertThat(data.get("occurredOn").asText()).isEqualTo("2022-09-15");
        assertThat(ContractSchemas.publishedEventViolations(published)).isEmpty();
    }

    @Test
    void permits_granted_by_ind_enter_the_waiting_count_until_coa_links_the_status_holder() throws Exception {
        long before = json.readTree(http.getForObject("/waiting", String.class)).get("waiting").asLong();
        send(InboundTopics.IND_VERGUNNINGEN, "2022-W39", TestCloudEvents.structured("nl.ind.vergunningen.VergunningenVerleend.v1", """
                {"week":"2022-W39","aantallen":{"ASIEL":850,"NAREIS":310}}"""));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(json.readTree(http.getForObject("/waiting", String.class)).get("waiting").asLong()).isEqualTo(before + 1160));

        String zaak = "Z-" + UUID.randomUUID();
        send(InboundTopics.COA_STATUSHOUDERS, zaak, TestCloudEvents.structured("nl.coa.statushouders.StatushouderGekoppeld.v1", """
                {"zaakId":"%s","gemeente":"GM0080","datum":"2022-09-30"}""".formatted(zaak)));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(json.readTree(http.getForObject("/waiting", String.class)).get("waiting").asLong()).isEqualTo(before + 1159));
    }

    @Test
    void every_event_the_service_publishes_matches_its_contract_schema() throws Exception {
        post("/municipalities/GM0060/flexwoningen", """
                {"homes":12}""");
        post("/municipalities/GM0060/housings", """
                {"persons":2,"housingForm":"FLEXWONING"}""");
        List<ConsumerRecord<String, byte[]>> records = readUntil(HousingEventsV1.TOPIC,
                r -> "GM0060".equals(r.key()) && text(r).contains("StatushoudersHoused"), PATIENCE);
        assertThat(records).anySatisfy(r -> assertThat(text(r)).contains("nl.doorstroom.housing.TaakstellingDistributed.v1"));
        assertThat(records).anySatisfy(r -> assertThat(text(r)).contains("nl.doorstroom.housing.TaakstellingAssigned.v1"));
        assertThat(records).anySatisfy(r -> assertThat(text(r)).contains("nl.doorstroom.housing.FlexHomesRealised.v1"));
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = json.readTree(text(record));
            assertThat(ContractSchemas.publishedEventViolations(event)).as(event.toString()).isEmpty();
        }
    }

    @Test
    void the_housed_figures_are_gauges_and_iii_12_4_is_measured_against_15300() throws Exception {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("doorstroom_housing_taakstelling_persons\\{period=\"2022-H2\",provincie=\"NL\",service=\"housing\"} 13500")
                .containsPattern("doorstroom_housing_housed_persons\\{period=\"2022-H2\",provincie=\"PV20\",service=\"housing\"}"));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode commitment = json.readTree(http.getForObject("/commitments/III.12.4", String.class));
            assertThat(commitment.get("target").get("amount").asInt()).isEqualTo(15_300);
            assertThat(commitment.get("actual").isNumber()).isTrue();
        });
    }

    /** What the register judges III.12.4 and II.2 on once their due moment has passed (CommitmentRegister). */
    @Test
    void a_dated_targets_figure_at_a_date_counts_what_was_dated_by_then_and_nothing_dated_later() throws Exception {
        LocalDate dayBefore = LocalDate.of(2022, 8, 30);
        LocalDate day = LocalDate.of(2022, 8, 31);
        long housedBefore = atDue("III.12.4", dayBefore);
        long housedOnTheDay = atDue("III.12.4", day);
        long flexOnTheDay = atDue("II.2", day);
        assertThat(post("/municipalities/GM0344/housings", """
                {"persons":12,"housingForm":"TUSSENVOORZIENING","occurredOn":"2022-08-31"}""").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post("/municipalities/GM0344/flexwoningen", """
                {"homes":40,"centrallyProcured":false,"occurredOn":"2022-08-31"}""").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(atDue("III.12.4", day)).isEqualTo(housedOnTheDay + 12);
            assertThat(atDue("III.12.2", day)).as("the same persons, against the taakstelling").isEqualTo(housedOnTheDay + 12);
            assertThat(atDue("II.2", day)).isEqualTo(flexOnTheDay + 40);
        });
        assertThat(atDue("III.12.4", dayBefore)).as("dated the day after").isEqualTo(housedBefore);
        assertThat(measure.measurementByDue("III.7.1", day)).as("not a dated target of housing's").isEmpty();
    }

    private long atDue(String ref, LocalDate due) {
        return measure.measurementByDue(ref, due).orElseThrow().actual().longValueExact();
    }

    @Test
    void flex_homes_are_counted_against_37500_by_the_end_of_2024_and_central_units_against_2000() throws Exception {
        JsonNode before = json.readTree(http.getForObject("/flexwoningen", String.class));
        assertThat(before.get("target").asInt()).isEqualTo(37_500);
        assertThat(before.get("centralUnits").asInt()).isEqualTo(2_000);
        assertThat(post("/municipalities/GM0363/flexwoningen", """
                {"homes":250,"centrallyProcured":true,"occurredOn":"2022-09-30"}""").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post("/municipalities/GM0363/flexwoningen", """
                {"homes":0}""").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode flex = json.readTree(http.getForObject("/flexwoningen", String.class));
            assertThat(flex.get("realised").asLong()).isEqualTo(before.get("realised").asLong() + 250);
            assertThat(flex.get("centrallyProcured").asLong()).isEqualTo(before.get("centrallyProcured").asLong() + 250);
            assertThat(flex.get("perProvincie").get("PV27").asLong()).isGreaterThanOrEqualTo(250);
        });
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(json.readTree(http.getForObject("/commitments/II.5", String.class)).get("actual").asLong()).isGreaterThanOrEqualTo(250));
    }

    private JsonNode municipality(String gmCode) throws Exception {
        return json.readTree(http.getForObject(H2_2022 + "/municipalities/" + gmCode, String.class));
    }

    private String field(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody()).get("errors").get(0).get("field").asText();
    }

    private static String reason(List<ConsumerRecord<String, byte[]>> dead, String id) {
        return header(deadLetter(dead, id), "kafka_dlt-exception-message");
    }

    /** The dead letter of the CloudEvent with this id, which a redacted dead letter keeps. */
    private static ConsumerRecord<String, byte[]> deadLetter(List<ConsumerRecord<String, byte[]>> dead, String id) {
        return dead.stream().filter(r -> text(r).contains("\"id\":\"" + id + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("not on the DLT: " + id));
    }

    private ResponseEntity<String> postAs(String token, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
