package nl.doorstroom.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.deadline.domain.DueMoment;
import nl.doorstroom.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deadline as recorded by an instant ({@code knownAt}) and as valid on a date ({@code validAt}), folded from its
 * events, on the real PostgreSQL and Kafka. The business clock starts on 20 September 2022 at noon (Dutch time) and
 * runs as fast as the wall clock, so the deadlines due on 1 October 2022 are still open; events are recorded on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + DeadlineServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
@DirtiesContext
class PointInTimeIntegrationTest {

    static final Instant SEPTEMBER_20_NOON = ZonedDateTime.of(2022, 9, 20, 12, 0, 0, 0, DueMoment.NETHERLANDS).toInstant();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestConfiguration
    static class BusinessClockAt20September {
        @Bean
        ControlledClock businessClock() {
            return new ControlledClock(SEPTEMBER_20_NOON, 1);
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ControlledClock clock;

    @BeforeEach
    void theBusinessClockRuns() {
        clock.run();
    }

    @Test
    void a_deadline_met_later_shows_open_as_known_and_valid_before_and_met_after() throws Exception {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(status("/deadlines/III.6")).isEqualTo("OPEN"));
        Instant beforeMeeting = aMomentBetweenCommands();
        ResponseEntity<String> met = post("/deadlines/III.6/met", """
                {"evidence":"Kamerbrief ruimtelijke ordening, 19 september 2022","occurredOn":"2022-09-19"}""");
        assertThat(met.getStatusCode()).as(met.getBody()).isEqualTo(HttpStatus.ACCEPTED);

        assertThat(status("/deadlines/III.6?knownAt=" + beforeMeeting)).as("as known before it was met").isEqualTo("OPEN");
        JsonNode known = get("/deadlines/III.6?knownAt=" + clock.instant());
        assertThat(known.get("status").asText()).isEqualTo("MET");
        assertThat(known.get("metOn").asText()).isEqualTo("2022-09-19");
        assertThat(known.get("history").findValuesAsText("what")).containsExactly("SET", "MET");
        assertThat(status("/deadlines/III.6?validAt=2022-09-18")).as("as valid the day before it was met").isEqualTo("OPEN");
        assertThat(status("/deadlines/III.6?validAt=2022-09-19")).isEqualTo("MET");
        assertThat(status("/deadlines/III.6?validAt=2022-09-19&knownAt=" + beforeMeeting))
                .as("valid on the day it was met, as known before it was recorded").isEqualTo("OPEN");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/deadlines/III.6?knownAt=" + clock.instant()))
                .as("the fold of every event recorded is the live read model").isEqualTo(get("/deadlines/III.6")));
    }

    @Test
    void a_deadline_extended_later_shows_open_before_and_extended_after() throws Exception {
        String law = "/deadlines/III.2.3/2023-01-01";
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(status(law)).isEqualTo("OPEN"));
        Instant beforeExtension = aMomentBetweenCommands();
        ResponseEntity<String> extended = post(law + "/extensions", """
                {"newDue":"2023-07-01","reason":"behandeling in de Eerste Kamer loopt uit"}""");
        assertThat(extended.getStatusCode()).as(extended.getBody()).isEqualTo(HttpStatus.ACCEPTED);

        JsonNode before = get(law + "?knownAt=" + beforeExtension);
        assertThat(before.get("status").asText()).isEqualTo("OPEN");
        assertThat(before.get("dueOn").asText()).isEqualTo("2023-01-01");
        JsonNode after = get(law + "?knownAt=" + clock.instant());
        assertThat(after.get("status").asText()).isEqualTo("EXTENDED");
        assertThat(after.get("dueOn").asText()).isEqualTo("2023-07-01");
        assertThat(after.get("agreedDueOn").asText()).isEqualTo("2023-01-01");
        // an extension is dated on the business day it was granted: 20 September 2022
        assertThat(status(law + "?validAt=2022-09-19")).isEqualTo("OPEN");
        assertThat(status(law + "?validAt=2022-09-20")).isEqualTo("EXTENDED");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(law + "?knownAt=" + clock.instant()))
                .as("the fold of every event recorded is the live read model").isEqualTo(get(law)));
    }

    @Test
    void a_deadline_not_yet_set_then_is_404_problem_json() throws Exception {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(status("/deadlines/III.12.1")).isNotBlank());
        for (String path : new String[] {"/deadlines/III.12.1?validAt=2022-08-25",
                "/deadlines/III.12.1?knownAt=" + SEPTEMBER_20_NOON.minusSeconds(1),
                "/deadlines/III.2.4/2023-01-01?validAt=2022-08-25"}) {
            ResponseEntity<String> response = http.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(status("/deadlines/III.12.1?validAt=2022-08-26")).as("set on the day of the agreement").isEqualTo("OPEN");
    }

    private String status(String path) throws Exception {
        return get(path).get("status").asText();
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    /** Events are recorded on the business clock, to the millisecond: the moment is taken, then the next one waited for. */
    private Instant aMomentBetweenCommands() {
        Instant moment = clock.instant();
        await().pollInterval(Duration.ofMillis(1)).until(() -> clock.instant().truncatedTo(ChronoUnit.MILLIS).isAfter(moment));
        return moment;
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
