package nl.doorstroom.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.capacity.projection.CapacityProjection;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.platform.outbound.OutboundPublisher;
import nl.doorstroom.platform.register.CommitmentRegisterProjection;
import nl.doorstroom.testsupport.RealInfrastructure;
import nl.doorstroom.testsupport.ReadModelRebuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replays through the admin endpoint, the audit chain over the event store, and a commitment's history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CapacityServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class AuditAndReplayIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long SEALER_LOCK = 418430314868L;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;

    @Test
    void each_processor_shows_its_position_and_lag_and_the_publisher_refuses_a_replay_with_409() throws Exception {
        openLocation("VR04", 225);
        ReadModelRebuild.awaitSettled(http, PATIENCE);

        JsonNode processors = json.readTree(http.getForObject("/admin/processors", String.class));
        assertThat(processors.findValuesAsText("name")).contains(CapacityProjection.PROCESSING_GROUP,
                CommitmentRegisterProjection.PROCESSING_GROUP, OutboundPublisher.PROCESSING_GROUP);
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        for (JsonNode p : processors) {
            assertThat(p.get("head").asLong()).isEqualTo(head);
            assertThat(p.get("lagEvents").asLong()).isEqualTo(p.get("head").asLong() - p.get("position").asLong());
        }

        ResponseEntity<String> refused = http.postForEntity("/admin/processors/" + OutboundPublisher.PROCESSING_GROUP + "/replay",
                null, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(refused.getBody()).get("processor").asText()).isEqualTo(OutboundPublisher.PROCESSING_GROUP);
        assertThat(http.postForEntity("/admin/processors/no-such-processor/replay", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("doorstroom_processor_lag_events\\{processor=\"capacity-projection\",service=\"capacity\"} 0")
                .contains("doorstroom_replay_progress_ratio{processor=\"capacity-projection\",service=\"capacity\"}");
    }

    @Test
    void rebuilding_every_projection_through_the_endpoint_equals_the_live_state_and_publishes_nothing() throws Exception {
        String id = openLocation("VR07", 300);
        post("/cno-locations/" + id + "/capacity", """
                {"places":350,"occurredOn":"2022-10-01"}""");
        post("/regions/VR07/pledges", """
                {"tranche":1,"places":225,"occurredOn":"2022-08-26"}""");

        ReadModelRebuild.Outcome outcome = ReadModelRebuild.rebuildEqualsLive(http, dataSource, CapacityEventsV1.TOPIC, PATIENCE);

        assertThat(outcome.replayed()).containsExactlyInAnyOrder(CapacityProjection.PROCESSING_GROUP,
                CommitmentRegisterProjection.PROCESSING_GROUP);
        assertThat(outcome.refused()).containsExactly(OutboundPublisher.PROCESSING_GROUP);
        assertThat(outcome.checksums()).containsKeys("capacity_location", "cno_pledge", "reception_outflow", "commitment_register");
        JsonNode replayed = json.readTree(http.getForObject("/admin/processors/" + CapacityProjection.PROCESSING_GROUP, String.class));
        assertThat(replayed.get("replay").get("progressPercent").asDouble()).isEqualTo(100.0);
        assertThat(replayed.get("replay").get("replayedEvents").asLong()).isPositive();
        assertThat(replayed.get("replay").get("finishedAt").isNull()).isFalse();
    }

    @Test
    void altering_one_event_row_breaks_the_chain_at_exactly_that_event_for_the_endpoint_and_the_offline_verifier(
            @TempDir Path dir) throws Exception {
        String id = openLocation("VR11", 120);
        post("/cno-locations/" + id + "/capacity", """
                {"places":130,"occurredOn":"2022-10-01"}""");
        JsonNode intact = json.readTree(http.getForObject("/admin/audit/verify", String.class));
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("events").asLong()).isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
        Path clean = export(dir.resolve("clean.ndjson"), "");
        assertThat(offlineVerifier(clean)).startsWith("INTACT: " + intact.get("events").asLong() + " events, head hash "
                + intact.get("headHash").asText());

        long altered = jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                Long.class, id);
        String eventId = jdbc.queryForObject("select event_identifier from domain_event_entry where global_index = ?", String.class, altered);
        byte[] original = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class, altered);
        jdbc.update("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), '120', '1200'), 'UTF8')"
                + " where global_index = ?", altered);
        try {
            JsonNode verification = json.readTree(http.getForObject("/admin/audit/verify", String.class));
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("firstBreak").get("globalIndex").asLong()).isEqualTo(altered);
            assertThat(verification.get("firstBreak").get("eventIdentifier").asText()).isEqualTo(eventId);
            assertThat(verification.get("firstBreak").get("reason").asText()).contains("content");

            Path tampered = export(dir.resolve("tampered.ndjson"), "");
            assertThat(offlineVerifier(tampered)).startsWith("BROKEN at position " + verification.get("firstBreak").get("position").asLong()
                    + ", global index " + altered + ", event " + eventId + ":");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, altered);
        }
        assertThat(json.readTree(http.getForObject("/admin/audit/verify", String.class)).get("intact").asBoolean()).isTrue();
    }

    @Test
    void an_append_does_not_wait_for_another_aggregates_uncommitted_append_and_each_is_chained_in_the_order_it_committed(
            @TempDir Path dir) throws Exception {
        String template = openLocation("VR13", 40);
        String held = "CNO-" + UUID.randomUUID();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            long heldIndex = appendCopyOfFirstEvent(other, template, held);

            // V3's trigger made this append wait on the chain head until the held transaction ended
            CompletableFuture<String> meanwhile = CompletableFuture.supplyAsync(() -> openLocation("VR13", 60));
            String appended = meanwhile.get(20, TimeUnit.SECONDS);
            long appendedIndex = firstEventIndex(appended);
            assertThat(appendedIndex).isGreaterThan(heldIndex);
            await().atMost(PATIENCE).until(() -> position(appendedIndex) != null);

            other.commit();
            await().atMost(PATIENCE).until(() -> position(heldIndex) != null);
            assertThat(position(heldIndex)).as("committed last, so chained after the higher global index")
                    .isGreaterThan(position(appendedIndex));
        }
        JsonNode verification = json.readTree(http.getForObject("/admin/audit/verify", String.class));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("events").asLong())
                .isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
        assertThat(offlineVerifier(export(dir.resolve("reordered.ndjson"), ""))).startsWith("INTACT");
    }

    @Test
    void an_event_awaiting_its_seal_is_pending_not_a_break_and_the_sealer_chains_it_within_moments() throws Exception {
        String id;
        long index;
        try (Connection holder = dataSource.getConnection()) {
            holdTheSealer(holder);
            try {
                id = openLocation("VR16", 70);
                index = firstEventIndex(id);
                JsonNode unsealed = json.readTree(http.getForObject("/admin/audit/verify?seal=false", String.class));
                assertThat(unsealed.get("intact").asBoolean()).as(unsealed.toString()).isTrue();
                assertThat(unsealed.get("pendingSeal").asLong()).isPositive();
                assertThat(position(index)).isNull();
                assertThat(http.getForObject("/actuator/prometheus", String.class))
                        .containsPattern("doorstroom_audit_unsealed_events\\{service=\"capacity\"} [1-9]");
            } finally {
                releaseTheSealer(holder);
            }
        }
        // the sealer's own round, not a verification, chains it
        await().atMost(Duration.ofSeconds(10)).until(() -> position(index) != null);
        JsonNode sealed = json.readTree(http.getForObject("/admin/audit/verify?seal=false", String.class));
        assertThat(sealed.get("intact").asBoolean()).as(sealed.toString()).isTrue();
        assertThat(sealed.get("pendingSeal").asLong()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_unsealed", Long.class)).isZero();
    }

    @Test
    void an_event_taken_off_the_seal_queue_before_its_seal_is_reported_as_not_in_the_chain() throws Exception {
        long index;
        String eventId;
        try (Connection holder = dataSource.getConnection()) {
            holdTheSealer(holder);
            try {
                String id = openLocation("VR15", 90);
                index = firstEventIndex(id);
                eventId = jdbc.queryForObject("select event_identifier from domain_event_entry where global_index = ?",
                        String.class, index);
                assertThat(jdbc.update("delete from event_unsealed where global_index = ?", index)).isEqualTo(1);
            } finally {
                releaseTheSealer(holder);
            }
        }
        try {
            JsonNode verification = json.readTree(http.getForObject("/admin/audit/verify", String.class));
            assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isFalse();
            assertThat(verification.get("firstBreak").get("globalIndex").asLong()).isEqualTo(index);
            assertThat(verification.get("firstBreak").get("eventIdentifier").asText()).isEqualTo(eventId);
            assertThat(verification.get("firstBreak").get("reason").asText()).contains("not in the chain");
        } finally {
            jdbc.update("insert into event_unsealed (global_index) values (?)", index);
        }
        JsonNode restored = json.readTree(http.getForObject("/admin/audit/verify", String.class));
        assertThat(restored.get("intact").asBoolean()).as(restored.toString()).isTrue();
        assertThat(restored.get("pendingSeal").asLong()).isZero();
    }

    @Test
    void an_export_of_a_period_holds_the_events_recorded_in_it_as_ndjson_and_csv(@TempDir Path dir) throws Exception {
        Instant from = Instant.now();
        String id = openLocation("VR12", 80);
        Instant to = Instant.now().plusSeconds(1);

        List<String> lines = Files.readAllLines(export(dir.resolve("period.ndjson"), "?from=" + from + "&to=" + to));
        assertThat(lines).isNotEmpty().anyMatch(l -> l.contains("\"aggregateIdentifier\":\"" + id + "\""));
        for (String line : lines) {
            assertThat(Instant.parse(json.readTree(line).get("timeStamp").asText())).isBetween(from, to);
        }
        assertThat(offlineVerifier(dir.resolve("period.ndjson"))).contains("INTACT");

        ResponseEntity<String> csv = http.getForEntity("/admin/audit/export?format=csv&from=" + from + "&to=" + to, String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("position,global_index,recorded_at,occurred_on,")
                .contains(id).contains(",CnoLocationOpened,");
        assertThat(http.getForEntity("/admin/audit/export?format=xml", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_commitments_history_shows_both_times_who_reported_it_and_the_trace_and_its_state_and_why_as_known_and_valid_then() throws Exception {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        await().atMost(PATIENCE).until(() -> http.getForEntity("/commitments/III.7.1", String.class).getStatusCode() == HttpStatus.OK);
        Instant beforeReport = Instant.now();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("traceparent", traceparent);
        ResponseEntity<String> fromTheFuture = http.postForEntity("/commitments/III.7.1/progress", new HttpEntity<>("""
                {"status":"IN_PROGRESS","note":"later","reportedBy":"VNG","occurredOn":"2031-01-01"}""", headers), String.class);
        assertThat(fromTheFuture.getStatusCode()).as("a report cannot come from the future").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fromTheFuture.getBody()).contains("occurredOn");
        ResponseEntity<String> reported = http.postForEntity("/commitments/III.7.1/progress", new HttpEntity<>("""
                {"status":"IN_PROGRESS","note":"eerste locaties open","reportedBy":"VNG","occurredOn":"2022-11-15"}""", headers),
                String.class);
        assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(HttpStatus.ACCEPTED);

        JsonNode history = json.readTree(http.getForObject("/commitments/III.7.1/history", String.class));
        assertThat(history.get(0).get("eventType").asText()).isEqualTo("CommitmentRegistered");
        assertThat(history.get(0).get("occurredOn").asText()).isEqualTo("2022-08-26");
        JsonNode report = history.get(history.size() - 1);
        assertThat(report.get("eventType").asText()).isEqualTo("CommitmentProgressReported");
        assertThat(report.get("occurredOn").asText()).isEqualTo("2022-11-15");
        assertThat(Instant.parse(report.get("recordedAt").asText())).isAfter(Instant.now().minusSeconds(60));
        assertThat(report.get("causedBy").asText()).isEqualTo("VNG");
        assertThat(report.get("traceparent").asText()).isEqualTo(traceparent);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode sealed = json.readTree(http.getForObject("/commitments/III.7.1/history", String.class));
            assertThat(sealed.get(sealed.size() - 1).get("hash").asText()).as("its hash, once sealed").hasSize(64);
        });
        assertThat(jdbc.queryForObject("select meta_data ->> 'principal' from domain_event where event_identifier = ?",
                String.class, report.get("eventIdentifier").asText())).as("the token's client, in the event's metadata").isEqualTo("admin");
        assertThat(http.getForEntity("/commitments/III.99/history", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String registrationId = null;
        for (JsonNode event : history) {
            if (event.get("eventType").asText().equals("CommitmentRegistered")) {
                registrationId = event.get("eventIdentifier").asText();
            }
        }
        String latestRegistration = registrationId;
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode why = json.readTree(http.getForObject("/commitments/III.7.1", String.class)).get("why");
            assertThat(why.get("basis").asText()).isEqualTo("REPORTED");
            assertThat(why.get("events").findValuesAsText("eventIdentifier"))
                    .as("the status rests on exactly the report just made and the registration")
                    .containsExactly(latestRegistration, report.get("eventIdentifier").asText());
        });
        JsonNode why = json.readTree(http.getForObject("/commitments/III.7.1", String.class)).get("why");
        JsonNode named = why.get("events").get(1);
        assertThat(named.get("eventType").asText()).isEqualTo("CommitmentProgressReported");
        assertThat(named.get("sequenceNumber").asLong()).isEqualTo(report.get("sequenceNumber").asLong());
        assertThat(named.get("occurredOn").asText()).isEqualTo("2022-11-15");
        assertThat(Instant.parse(named.get("recordedAt").asText())).isEqualTo(Instant.parse(report.get("recordedAt").asText()));
        assertThat(why.get("measure").isNull()).as("capacity does not measure III.7.1").isTrue();
        assertThat(json.readTree(http.getForObject("/commitments/III.7.1?knownAt=" + Instant.now(), String.class)).get("why"))
                .as("the point-in-time answer names the same events").isEqualTo(why);
        JsonNode whyBefore = json.readTree(http.getForObject("/commitments/III.7.1?knownAt=" + beforeReport, String.class)).get("why");
        assertThat(whyBefore.get("basis").asText()).isEqualTo("REGISTERED");
        assertThat(whyBefore.get("events").findValuesAsText("eventIdentifier")).containsExactly(latestRegistration);

        assertThat(status("/commitments/III.7.1?knownAt=" + beforeReport)).as("as known before the report").isEqualTo("OPEN");
        assertThat(status("/commitments/III.7.1?validAt=2022-11-14")).as("as valid the day before it").isEqualTo("OPEN");
        assertThat(status("/commitments/III.7.1?validAt=2022-11-15&knownAt=" + Instant.now())).isEqualTo("IN_PROGRESS");
        assertThat(http.getForEntity("/commitments/III.7.1?validAt=2022-08-25", String.class).getStatusCode())
                .as("before the agreement it was in no register").isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A copy of the aggregate's first event under another aggregate id, appended on the given connection. */
    private static long appendCopyOfFirstEvent(Connection connection, String template, String aggregate)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                select nextval('domain_event_entry_seq'), ?, 0, type, gen_random_uuid()::text,
                       to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), payload_type, payload_revision,
                       convert_to(replace(convert_from(payload, 'UTF8'), aggregate_identifier, ?), 'UTF8'), meta_data
                from domain_event_entry where aggregate_identifier = ? and sequence_number = 0
                returning global_index""")) {
            insert.setString(1, aggregate);
            insert.setString(2, aggregate);
            insert.setString(3, template);
            try (ResultSet appended = insert.executeQuery()) {
                assertThat(appended.next()).isTrue();
                return appended.getLong(1);
            }
        }
    }

    private long firstEventIndex(String aggregate) {
        return jdbc.queryForObject("""
                select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = 0""",
                Long.class, aggregate);
    }

    private Long position(long globalIndex) {
        return jdbc.query("select position from event_chain where global_index = ?",
                rs -> rs.next() ? rs.getLong(1) : null, globalIndex);
    }

    /** The sealer's advisory lock (V4__audit_chain_sealed_asynchronously.sql): while held, nothing is sealed. */
    private static void holdTheSealer(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + SEALER_LOCK + ")");
        }
    }

    private static void releaseTheSealer(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + SEALER_LOCK + ")");
        }
    }

    private String status(String path) throws Exception {
        return json.readTree(http.getForObject(path, String.class)).get("status").asText();
    }

    private Path export(Path file, String query) throws IOException {
        ResponseEntity<byte[]> export = http.getForEntity("/admin/audit/export" + query, byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().toString()).isEqualTo("application/x-ndjson");
        return Files.write(file, export.getBody());
    }

    /** tools/AuditVerifier.java run as an auditor would: the JDK's java on the source file, nothing of the services. */
    private static String offlineVerifier(Path export) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, Path.of("..", "tools", "AuditVerifier.java").toString(), export.toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private String openLocation(String region, int places) {
        String id = "CNO-" + UUID.randomUUID();
        ResponseEntity<String> created = post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"%s","name":"Sporthal","places":%d,"occurredOn":"2022-09-05"}"""
                .formatted(id, region, places));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
