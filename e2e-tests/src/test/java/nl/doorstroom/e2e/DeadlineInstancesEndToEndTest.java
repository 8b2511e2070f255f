package nl.doorstroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.contracts.deadline.DeadlineEventsV1;
import nl.doorstroom.contracts.finance.FinanceEventsV1;
import nl.doorstroom.local.LocalStack;
import nl.doorstroom.testsupport.TestCloudEvents;
import nl.doorstroom.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of deadline-service on one database and one consumer group: the persistent deadline manager
 * (db-scheduler's {@code scheduled_tasks}) is shared, so each due moment is picked by one instance only; a replay may
 * be asked of either instance, also of the one that holds none of the projection's segments, and only one at a time.
 */
class DeadlineInstancesEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int BUSINESS_CASES = 24;
    private static final String PROJECTION = "deadline-projection";
    private static final String REGISTER = "commitment-register";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** III.9: a business case is assessed within 72 hours of its submission. */
    private static final Duration ASSESSMENT_TIME = Duration.ofHours(72);

    @TempDir
    static Path data;
    static StackClient client;
    static LocalStack stack;

    @BeforeAll
    static void startTwoDeadlineInstances() throws Exception {
        client = StackClient.forTest(data, Map.of());
        stack = LocalStack.start(client.settings, LocalStack.instances("deadline=2"));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void each_business_case_not_assessed_in_72_hours_is_missed_once_while_two_instances_run() throws Exception {
        await("both deadline instances heartbeat").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> aliveInstances() == 2);

        // submitted 72 hours ago less a few seconds: the assessments fall due over the next half minute, while both run
        Instant now = Instant.now();
        List<String> businessCases = new ArrayList<>();
        for (int i = 0; i < BUSINESS_CASES; i++) {
            String id = "BC-TWICE-" + UUID.randomUUID();
            businessCases.add(id);
            Instant submittedAt = now.plusSeconds(15 + i).minus(ASSESSMENT_TIME);
            TopicReader.send(stack.kafkaBootstrapServers(), FinanceEventsV1.TOPIC, id, submitted(id, submittedAt)
                    .getBytes(StandardCharsets.UTF_8));
        }

        await("every business case missed").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> businessCases.stream().allMatch(id -> "MISSED".equals(status(id))));
        assertThat(aliveInstances()).as("both instances ran while the due moments passed").isEqualTo(2);
        // a second firing would come within the schedulers' next polls (1 s): give them several
        Thread.sleep(5_000);

        Map<String, Long> storedMisses = missesStored();
        for (String id : businessCases) {
            assertThat(storedMisses.get(aggregate(id))).as("DeadlineMissed stored for " + id).isEqualTo(1L);
            assertThat(deadline(id).get("history").findValuesAsText("what")).as(id).containsExactly("SET", "MISSED");
        }
        assertThat(overdueScheduledTasks()).as("no due moment left waiting in scheduled_tasks").isZero();

        String missedType = DeadlineEventsV1.type(DeadlineEventsV1.DeadlineMissed.class);
        Map<String, Integer> published = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readUntil(stack.kafkaBootstrapServers(), DeadlineEventsV1.TOPIC,
                r -> false, Duration.ofSeconds(5))) {
            JsonNode event = StackClient.JSON.readTree(TopicReader.text(record));
            if (missedType.equals(event.path("type").asText())) {
                published.merge(record.key(), 1, Integer::sum);
            }
        }
        for (String id : businessCases) {
            assertThat(published.get(aggregate(id))).as("DeadlineMissed published for " + id).isEqualTo(1);
        }
    }

    @Test
    void a_replay_asked_of_the_instance_holding_no_segment_of_the_projection_rebuilds_it_equal_to_live() throws Exception {
        await("the deadline projection's one segment claimed by one instance").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> segments(1, PROJECTION) + segments(2, PROJECTION) == 1);
        int asked = segments(1, PROJECTION) == 0 ? 1 : 2;
        String before = readModelChecksum();

        long start = System.nanoTime();
        HttpResponse<String> replay = replay(asked, PROJECTION).join();
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("replay asked of the instance holding no segment answered %d in %d ms%n", replay.statusCode(),
                answeredIn.toMillis());
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(60));
        await("the replay done").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                admin(asked, "/admin/processors/" + PROJECTION).body().contains("\"finishedAt\":\"20"));
        await("the rebuilt read model equals the live one").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> readModelChecksum().equals(before));
        await("no replay request left standing").atMost(PATIENCE).until(() -> replayRequests() == 0);
    }

    @Test
    void two_replays_of_one_projection_asked_at_once_of_two_instances_start_one_and_refuse_the_other_naming_it() throws Exception {
        // every instance has read the token issuer's keys before, so neither request waits for them
        admin(1, "/admin/processors");
        admin(2, "/admin/processors");
        await("no replay of the register running").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> !admin(1, "/admin/processors/" + REGISTER).body().contains("\"replaying\":true")
                        && !admin(2, "/admin/processors/" + REGISTER).body().contains("\"replaying\":true"));
        String before = readModelChecksum("commitment_register");

        CompletableFuture<HttpResponse<String>> first = replay(1, REGISTER);
        CompletableFuture<HttpResponse<String>> second = replay(2, REGISTER);
        List<HttpResponse<String>> answers = List.of(first.join(), second.join());

        System.out.printf("two replays of %s at once: %s%n", REGISTER, answers.stream().map(HttpResponse::statusCode).toList());
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(202, 409);
        HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode problem = StackClient.JSON.readTree(refused.body());
        assertThat(problem.get("processor").asText()).isEqualTo(REGISTER);
        assertThat(problem.get("detail").asText()).as(refused.body()).contains("already");
        await("the rebuilt register equals the live one").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> readModelChecksum("commitment_register").equals(before));
    }

    private static CompletableFuture<HttpResponse<String>> replay(int instance, String processor) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(instanceUrl(instance) + "/admin/processors/" + processor + "/replay"))
                .header("authorization", "Bearer " + client.token("admin")).timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> admin(int instance, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instanceUrl(instance) + path))
                .header("authorization", "Bearer " + client.token("admin")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String instanceUrl(int instance) {
        return "http://localhost:" + LocalStack.port(client.settings, "deadline", instance);
    }

    /** How many segments of the processor the instance claims; -1 when it cannot be asked. */
    private static int segments(int instance, String processor) {
        try {
            for (JsonNode p : StackClient.JSON.readTree(admin(instance, "/admin/processors").body())) {
                if (p.get("name").asText().equals(processor)) {
                    return p.get("segments").asInt();
                }
            }
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String readModelChecksum() throws Exception {
        return readModelChecksum("deadline");
    }

    /** An md5 of a read model table's rows, in a stable order. */
    private static String readModelChecksum(String table) throws Exception {
        try (Connection c = deadlineDatabase();
             ResultSet rows = c.createStatement().executeQuery(
                     "select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from %s t".formatted(table))) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long replayRequests() throws Exception {
        try (Connection c = deadlineDatabase();
             ResultSet rows = c.createStatement().executeQuery("select count(*) from replay_request")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static JsonNode deadline(String businessCaseId) throws Exception {
        return StackClient.JSON.readTree(client.get("/api/deadlines/deadlines/III.9/" + businessCaseId).body());
    }

    private static String status(String businessCaseId) {
        try {
            return deadline(businessCaseId).path("status").asText();
        } catch (Exception e) {
            return "unknown: " + e;
        }
    }

    private static String aggregate(String businessCaseId) {
        return "deadline:III.9/" + businessCaseId;
    }

    private static String submitted(String businessCaseId, Instant submittedAt) {
        return TestCloudEvents.structured(FinanceEventsV1.type(FinanceEventsV1.BusinessCaseSubmitted.class), """
                {"businessCaseId":"%s","gemeente":"GM0363","title":"Tijdelijke units","amount":250000,"submittedAt":"%s","occurredOn":"%s"}"""
                .formatted(businessCaseId, submittedAt, submittedAt.atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate()));
    }

    private static Connection deadlineDatabase() throws Exception {
        return DriverManager.getConnection(stack.postgresUrl() + "/doorstroom_deadline", "postgres", "");
    }

    private static int aliveInstances() {
        try (Connection c = deadlineDatabase();
             ResultSet rows = c.createStatement().executeQuery(
                     "select count(*) from service_instance where seen_at > now() - interval '15 seconds'")) {
            rows.next();
            return rows.getInt(1);
        } catch (Exception e) {
            return -1;
        }
    }

    private static Map<String, Long> missesStored() throws Exception {
        try (Connection c = deadlineDatabase();
             PreparedStatement query = c.prepareStatement("""
                     select aggregate_identifier, count(*) from domain_event_entry
                     where aggregate_identifier like 'deadline:III.9/BC-TWICE-%' and payload_type like '%DeadlineMissed'
                     group by 1""");
             ResultSet rows = query.executeQuery()) {
            Map<String, Long> counts = new HashMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        }
    }

    private static long overdueScheduledTasks() throws Exception {
        try (Connection c = deadlineDatabase();
             ResultSet rows = c.createStatement().executeQuery(
                     "select count(*) from scheduled_tasks where execution_time < now() - interval '5 seconds'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
