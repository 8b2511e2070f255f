package nl.doorstroom.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.testsupport.RealInfrastructure;
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
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A veiligheidsregio's and the country's capacity as recorded by an instant ({@code knownAt}) and as valid on a date
 * ({@code validAt}), folded from the events with the projection's folds, on the real PostgreSQL and Kafka.
 * Gooi en Vechtstreek (VR14) and Haaglanden (VR15) are this test's own, one per test: no other test of the service
 * touches them, and their dates (13 and 14 September, 11 and 12 October, 13 December 2022) are no other test's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CapacityServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class PointInTimeIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String VR14 = "VR14";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void a_region_shows_its_cno_places_as_recorded_at_each_moment_and_as_valid_on_each_date() throws Exception {
        String id = "CNO-" + UUID.randomUUID();
        accepted(post("/regions/" + VR14 + "/pledges", """
                {"tranche":1,"places":225,"occurredOn":"2022-08-26"}"""));
        Instant pledged = aMomentBetweenCommands();
        accepted(post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR14","name":"Sporthal Bussum","places":225,"occurredOn":"2022-09-13"}"""
                .formatted(id)));
        Instant opened = aMomentBetweenCommands();
        accepted(post("/cno-locations/" + id + "/capacity", """
                {"places":300,"occurredOn":"2022-10-11"}"""));
        Instant enlarged = aMomentBetweenCommands();
        accepted(post("/cno-locations/" + id + "/closure", """
                {"occurredOn":"2022-12-13"}"""));

        JsonNode beforeOpening = region("knownAt=" + pledged);
        assertThat(beforeOpening.get("pledged").asInt()).isEqualTo(225);
        assertThat(beforeOpening.get("realised").asLong()).as("the location, opened later, is absent").isZero();
        assertThat(beforeOpening.get("openLocations").asLong()).isZero();
        JsonNode afterOpening = region("knownAt=" + opened);
        assertThat(afterOpening.get("realised").asLong()).isEqualTo(225);
        assertThat(afterOpening.get("openLocations").asLong()).isEqualTo(1);
        assertThat(afterOpening.get("shareOfPledgePercent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(region("knownAt=" + enlarged).get("realised").asLong()).isEqualTo(300);
        JsonNode now = region("knownAt=" + Instant.now());
        assertThat(now.get("realised").asLong()).as("closed by now").isZero();
        assertThat(now.get("openLocations").asLong()).isZero();
        assertThat(now.get("pledged").asInt()).isEqualTo(225);

        assertThat(region("validAt=2022-09-12").get("realised").asLong()).as("the day before it opened").isZero();
        assertThat(region("validAt=2022-09-13").get("realised").asLong()).isEqualTo(225);
        assertThat(region("validAt=2022-10-11").get("realised").asLong()).isEqualTo(300);
        assertThat(region("validAt=2022-12-13").get("realised").asLong()).isZero();
        assertThat(region("validAt=2022-10-11&knownAt=" + opened).get("realised").asLong())
                .as("valid on 11 October as recorded before the change was").isEqualTo(225);
        assertThat(region("validAt=2022-10-10&knownAt=" + Instant.now()).get("realised").asLong())
                .as("as recorded now, but the change is about 11 October").isEqualTo(225);

        JsonNode beforeEverything = region("validAt=2022-08-25");
        assertThat(beforeEverything.get("veiligheidsregio").asText()).isEqualTo(VR14);
        assertThat(beforeEverything.get("naam").asText()).isEqualTo("Gooi en Vechtstreek");
        assertThat(beforeEverything.get("pledged").asInt()).isZero();
        assertThat(beforeEverything.get("realised").asLong()).isZero();
        assertThat(beforeEverything.get("shareOfPledgePercent").isNull()).isTrue();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(region("knownAt=" + Instant.now()))
                .as("the fold of every event recorded is the live read model").isEqualTo(region("")));
    }

    @Test
    void the_country_counts_a_cno_location_from_the_moment_it_was_recorded_and_the_date_it_opened() throws Exception {
        String id = "CNO-" + UUID.randomUUID();
        Instant before = aMomentBetweenCommands();
        accepted(post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR15","name":"Hal Den Haag","places":225,"occurredOn":"2022-09-14"}"""
                .formatted(id)));
        Instant opened = aMomentBetweenCommands();
        accepted(post("/cno-locations/" + id + "/capacity", """
                {"places":300,"occurredOn":"2022-10-12"}"""));

        long realisedBefore = national("knownAt=" + before).get("cnoPlacesRealised").asLong();
        assertThat(national("knownAt=" + opened).get("cnoPlacesRealised").asLong()).isEqualTo(realisedBefore + 225);
        assertThat(national("knownAt=" + Instant.now()).get("cnoPlacesRealised").asLong()).isEqualTo(realisedBefore + 300);
        long realisedTheDayBefore = national("validAt=2022-09-13").get("cnoPlacesRealised").asLong();
        assertThat(national("validAt=2022-09-14").get("cnoPlacesRealised").asLong()).isEqualTo(realisedTheDayBefore + 225);
        assertThat(national("validAt=2022-08-25").get("cnoPlacesRealised").asLong()).as("before the agreement").isZero();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(national("knownAt=" + Instant.now()))
                .as("the fold of every event recorded is the live read model").isEqualTo(national("")));
    }

    @Test
    void a_moment_that_is_no_instant_or_a_date_that_is_no_date_is_a_400_problem_naming_the_parameter() throws Exception {
        ResponseEntity<String> badInstant = http.getForEntity("/regions/VR14?knownAt=yesterday", String.class);
        assertThat(badInstant.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badInstant.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(badInstant.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("knownAt");
        ResponseEntity<String> badDate = http.getForEntity("/national?validAt=2022-13-01", String.class);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badDate.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("validAt");
    }

    private JsonNode region(String query) throws Exception {
        return get("/regions/" + VR14 + "?" + query);
    }

    private JsonNode national(String query) throws Exception {
        return get("/national?" + query);
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    /** The event store keeps milliseconds: the moment is taken, then the next millisecond is waited for. */
    private static Instant aMomentBetweenCommands() {
        Instant moment = Instant.now();
        await().pollInterval(Duration.ofMillis(1)).until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(moment));
        return moment;
    }

    private static void accepted(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
