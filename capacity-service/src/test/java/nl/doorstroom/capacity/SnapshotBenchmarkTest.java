package nl.doorstroom.capacity;

import nl.doorstroom.testsupport.ReadModelRebuild;
import nl.doorstroom.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands on one CNO location that already has 10,001 events (copies of one occupancy report inserted into
 * domain_event_entry): the time of each of 200 occupancy reports over REST, p50 and p99, printed and written to
 * {@code target/snapshot-benchmark.txt}. With snapshots (the default threshold) and without:
 * {@code ./mvnw -o -pl capacity-service -am test -Dtest=SnapshotBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddoorstroom.bench=true [-Ddoorstroom.snapshots.threshold=0]}. Skipped in the normal build: it measures.
 */
@EnabledIfSystemProperty(named = "doorstroom.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CapacityServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class SnapshotBenchmarkTest {

    private static final int EVENTS = 10_000;
    private static final int WARM_UP = 20;
    private static final int COMMANDS = 200;
    private static final LocalDate SEPT_1 = LocalDate.of(2022, 9, 1);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${doorstroom.snapshots.threshold:200}")
    int threshold;

    @Test
    void two_hundred_commands_on_a_location_with_10_000_events() throws Exception {
        String id = "CNO-BENCH-" + UUID.randomUUID();
        assertThat(post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR05","name":"Benchmarkhal","places":500,"occurredOn":"2022-09-01"}"""
                .formatted(id)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        report(id, 0);
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                select nextval('domain_event_entry_seq'), t.aggregate_identifier, g, t.type, gen_random_uuid()::text,
                       t.time_stamp, t.payload_type, t.payload_revision, t.payload, t.meta_data
                from generate_series(2, ?) g,
                     (select * from domain_event_entry where aggregate_identifier = ? and sequence_number = 1) t""", EVENTS, id);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        ReadModelRebuild.awaitSettled(http, Duration.ofMinutes(10));

        for (int i = 0; i < WARM_UP; i++) {
            report(id, 1 + i);
        }
        if (threshold > 0) {
            await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                    "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, id) > 0);
        }
        long[] nanos = new long[COMMANDS];
        for (int i = 0; i < COMMANDS; i++) {
            long start = System.nanoTime();
            report(id, 1 + WARM_UP + i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);

        String fresh = "CNO-BENCH-" + UUID.randomUUID();
        post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR05","name":"Nieuwe hal","places":500,"occurredOn":"2022-09-01"}"""
                .formatted(fresh));
        long[] baseline = new long[COMMANDS];
        for (int i = 0; i < COMMANDS; i++) {
            long start = System.nanoTime();
            report(fresh, i);
            baseline[i] = System.nanoTime() - start;
        }
        Arrays.sort(baseline);
        long snapshots = jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, id);
        String result = ("%s: %d occupancy reports over REST on one CNO location with %,d events before them (loaded by SQL in"
                + " %.1f s), after %d warm-up commands: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d snapshot row(s) of it;"
                + " for comparison, %d reports on a new location (1 to %d events): p50 %.1f ms, p99 %.1f ms%n").formatted(
                threshold > 0 ? "with snapshots (threshold " + threshold + ")" : "without snapshots",
                COMMANDS, EVENTS + 1, loadSeconds, WARM_UP, millis(nanos, 0.50), millis(nanos, 0.99),
                nanos[COMMANDS - 1] / 1e6, snapshots, COMMANDS, COMMANDS, millis(baseline, 0.50), millis(baseline, 0.99));
        System.out.print(result);
        Files.writeString(Path.of("target", "snapshot-benchmark.txt"), result,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    private void report(String id, int day) {
        ResponseEntity<String> reported = post("/cno-locations/" + id + "/occupancy", """
                {"occupied":%d,"occurredOn":"%s"}""".formatted(100 + day % 300, SEPT_1.plusDays(day % 3000)));
        assertThat(reported.getStatusCode().is2xxSuccessful()).as(reported.getBody()).isTrue();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
