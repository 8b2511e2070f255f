package nl.doorstroom.testsupport;

import com.jayway.jsonpath.JsonPath;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves for one service that a rebuild equals the live state: a checksum of every read-model table, every
 * replayable processor replayed through {@code POST /admin/processors/{name}/replay}, the same checksums after, and
 * not one record more on the service's own topic. Processors that must not replay are refused with 409.
 */
public final class ReadModelRebuild {

    /**
     * The event store, Axon's bookkeeping, inbound idempotency, the audit chain, schedules, the instances' heartbeats and
     * replay requests: not read models.
     */
    public static final Set<String> NOT_READ_MODELS = Set.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "saga_entry", "association_value_entry", "dead_letter_entry", "flyway_schema_history", "processed_message",
            "event_chain", "event_chain_head", "event_unsealed", "scheduled_tasks", "service_instance",
            "replay_request");

    private ReadModelRebuild() {
    }

    /** What the rebuild did: the processors replayed and refused, and each read-model table's checksum. */
    public record Outcome(List<String> replayed, List<String> refused, Map<String, String> checksums) {
    }

    public static Outcome rebuildEqualsLive(TestRestTemplate http, DataSource database, String outboundTopic, Duration patience) {
        awaitSettled(http, patience);
        Map<String, String> before = checksums(database);
        int publishedBefore = published(outboundTopic);

        String processors = http.getForObject("/admin/processors", String.class);
        List<String> replayable = JsonPath.read(processors, "$[?(@.replayable == true)].name");
        List<String> refusing = JsonPath.read(processors, "$[?(@.replayable == false)].name");
        for (String name : refusing) {
            ResponseEntity<String> refused = http.postForEntity("/admin/processors/" + name + "/replay", null, String.class);
            assertThat(refused.getStatusCode()).as(name + " must not replay").isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        for (String name : replayable) {
            ResponseEntity<String> started = http.postForEntity("/admin/processors/" + name + "/replay", null, String.class);
            assertThat(started.getStatusCode()).as(name + ": " + started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        }
        awaitSettled(http, patience);

        Map<String, String> after = checksums(database);
        assertThat(after).as("every read model after the rebuild, against the live state before it").isEqualTo(before);
        assertThat(published(outboundTopic)).as("records on " + outboundTopic + " after the rebuild").isEqualTo(publishedBefore);
        return new Outcome(replayable, refusing, after);
    }

    /** Until no processor replays and none lags behind the head of the event store. */
    public static void awaitSettled(TestRestTemplate http, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String processors = http.getForObject("/admin/processors", String.class);
            List<String> busy = JsonPath.read(processors, "$[?(@.replaying == true || @.lagEvents > 0)].name");
            assertThat(busy).as(processors).isEmpty();
        });
    }

    /** md5 over every row of each read-model table (all tables but {@link #NOT_READ_MODELS}), in a fixed order. */
    public static Map<String, String> checksums(DataSource database) {
        Map<String, String> checksums = new TreeMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    select table_name from information_schema.tables
                    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")) {
                while (rs.next()) {
                    if (!NOT_READ_MODELS.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') from "
                        + table + " t")) {
                    rs.next();
                    checksums.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the read models", e);
        }
        return checksums;
    }

    private static int published(String topic) {
        return TopicReader.readUntil(topic, r -> false, Duration.ofSeconds(3)).size();
    }
}
