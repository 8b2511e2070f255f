package nl.doorstroom.housing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.contracts.housing.HousingEventsV1;
import nl.doorstroom.testsupport.ReadModelRebuild;
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

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Point in time and rebuild for housing-service; same context as {@link HousingIntegrationTest} (a business clock
 * from 1 October 2022), so it starts no second service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + HousingServiceApplication.CONFIG_NAME,
                "doorstroom.clock.start=2022-10-01T09:00:00Z", "doorstroom.housing.gauge-refresh=1s"})
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class HousingAuditIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Dinkelland: no other test reports housing for it. */
    private static final String GEMEENTE = "GM1774";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DataSource dataSource;
    /** The business clock: events are recorded on it, so "known at" is asked on it too. */
    @Autowired
    Clock clock;

    @Test
    void a_september_count_corrected_later_shows_the_old_number_as_known_before_the_correction_and_the_new_one_now()
            throws Exception {
        assertThat(post("/municipalities/" + GEMEENTE + "/housings", """
                {"persons":40,"housingForm":"REGULIERE_WONINGVOORRAAD","occurredOn":"2022-09-15"}""").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(housed(null, null)).isEqualTo(40));
        Instant beforeCorrection = clock.instant();

        ResponseEntity<String> corrected = post("/municipalities/" + GEMEENTE + "/housings/corrections", """
                {"period":"2022-H2","housingForm":"REGULIERE_WONINGVOORRAAD","persons":35,
                 "reason":"vijf personen dubbel geteld in de septemberrapportage","occurredOn":"2022-09-15"}""");
        assertThat(corrected.getStatusCode()).as(corrected.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(housed(null, null)).isEqualTo(35));

        assertThat(housed(beforeCorrection, null)).as("as known before the correction").isEqualTo(40);
        assertThat(housed(clock.instant(), null)).as("as known now").isEqualTo(35);
        assertThat(housed(null, "2022-09-30")).as("valid at the end of September, as known now").isEqualTo(35);
        assertThat(housed(beforeCorrection, "2022-09-30")).as("valid at the end of September, as known before").isEqualTo(40);
        assertThat(housed(null, "2022-08-31")).as("valid in August: the September report is not yet about it").isZero();
        JsonNode now = json.readTree(http.getForObject("/periods/2022-H2/municipalities/" + GEMEENTE + "?knownAt=" + clock.instant(), String.class));
        assertThat(now.get("housedByForm").get("REGULIERE_WONINGVOORRAAD").asInt()).isEqualTo(35);

        ResponseEntity<String> noReason = post("/municipalities/" + GEMEENTE + "/housings/corrections", """
                {"period":"2022-H2","housingForm":"REGULIERE_WONINGVOORRAAD","persons":30}""");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/periods/2022-H2/municipalities/" + GEMEENTE + "?knownAt=gisteren", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void rebuilding_every_housing_projection_equals_the_live_state_and_publishes_nothing() {
        post("/periods/2022-H2/taakstelling", """
                {"nationalTotal":13500,"occurredOn":"2022-08-26"}""");
        post("/municipalities/GM0150/housings", """
                {"persons":12,"housingForm":"FLEXWONING","occurredOn":"2022-09-02"}""");
        post("/municipalities/GM0150/flexwoningen", """
                {"homes":20,"centrallyProcured":false,"occurredOn":"2022-09-02"}""");

        ReadModelRebuild.Outcome outcome = ReadModelRebuild.rebuildEqualsLive(http, dataSource, HousingEventsV1.TOPIC, PATIENCE);

        assertThat(outcome.replayed()).contains("housing-projection", "commitment-register");
        assertThat(outcome.refused()).contains("outbound-publisher", "taakstelling-assignment");
        assertThat(outcome.checksums()).containsKeys("housing_municipality_period", "housing_period", "housing_waiting",
                "housing_flex_homes");
    }

    private int housed(Instant knownAt, String validAt) throws Exception {
        StringBuilder query = new StringBuilder();
        if (knownAt != null) {
            query.append(query.isEmpty() ? "?" : "&").append("knownAt=").append(knownAt);
        }
        if (validAt != null) {
            query.append(query.isEmpty() ? "?" : "&").append("validAt=").append(validAt);
        }
        String body = http.getForObject("/periods/2022-H2/municipalities/" + GEMEENTE + query, String.class);
        return json.readTree(body).get("housed").asInt();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
