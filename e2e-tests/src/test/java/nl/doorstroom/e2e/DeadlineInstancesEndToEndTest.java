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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of deadline-service on one database and one consumer group: the persistent deadline manager
 * (db-scheduler's {@code scheduled_tasks}) is shared, so each due moment is picked by one instance only.
 */
class DeadlineInstancesEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int BUSINESS_CASES = 24;
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
