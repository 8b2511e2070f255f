package nl.doorstroom.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.capacity.domain.CapacityCommands.CloseCnoLocation;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationCapacityChanged;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationClosed;
import nl.doorstroom.capacity.domain.CnoLocation;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.platform.snapshot.Snapshots;
import nl.doorstroom.testsupport.ReadModelRebuild;
import nl.doorstroom.testsupport.RealInfrastructure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Snapshots in the running service: taken after 200 events, read on the next command, invisible to the projections.
 * And the aggregate cache: handed out only while no other writer has appended to the aggregate since.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CapacityServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class SnapshotIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate SEPT_1 = LocalDate.of(2022, 9, 1);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CommandGateway commands;
    @Autowired
    @Qualifier(Snapshots.CACHE)
    Cache aggregates;

    @Test
    void a_cno_location_with_300_daily_reports_is_snapshotted_and_still_changes_places_closes_and_refuses_a_late_report()
            throws Exception {
        String id = "CNO-" + UUID.randomUUID();
        assertThat(post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR03","name":"Sporthal Emmen","places":225,"occurredOn":"2022-09-01"}"""
                .formatted(id)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        for (int day = 0; day < 300; day++) {
            ResponseEntity<String> reported = post("/cno-locations/" + id + "/occupancy", """
                    {"occupied":%d,"occurredOn":"%s"}""".formatted(150 + day % 70, SEPT_1.plusDays(day)));
            assertThat(reported.getStatusCode().is2xxSuccessful()).as(reported.getBody()).isTrue();
        }

        Map<String, Object> snapshot = await().atMost(PATIENCE).until(() -> jdbc.queryForList("""
                        select sequence_number, payload_type, payload_revision, convert_from(payload, 'UTF8') as state
                        from snapshot_event_entry where aggregate_identifier = ?""", id),
                rows -> rows.size() == 1).get(0);
        assertThat(snapshot.get("payload_type")).isEqualTo(CnoLocation.class.getName());
        assertThat(snapshot.get("payload_revision")).isEqualTo("1");
        assertThat((Long) snapshot.get("sequence_number")).isBetween(199L, 300L);
        JsonNode state = json.readTree((String) snapshot.get("state"));
        assertThat(state.get("locationId").asText()).isEqualTo(id);
        assertThat(state.get("veiligheidsregio").asText()).isEqualTo("VR03");
        assertThat(state.get("status").asText()).isEqualTo("OPEN");

        assertThat(post("/cno-locations/" + id + "/capacity", """
                {"places":260,"occurredOn":"2023-07-01"}""").getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'veiligheidsregio' from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%CnoLocationCapacityChanged'""", String.class, id))
                .as("the event decided from the snapshot names the location's region").isEqualTo("VR03");
        assertThat(post("/cno-locations/" + id + "/closure", """
                {"occurredOn":"2023-07-02"}""").getStatusCode().is2xxSuccessful()).isTrue();

        ResponseEntity<String> late = post("/cno-locations/" + id + "/occupancy", """
                {"occupied":10,"occurredOn":"2023-07-03"}""");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(late.getBody()).contains("is closed");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id))
                .isEqualTo(303L);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode location = json.readTree(http.getForObject("/locations/" + id, String.class));
            assertThat(location.get("status").asText()).isEqualTo("CLOSED");
            assertThat(location.get("places").get("ASIELZOEKERS").asInt()).isEqualTo(260);
        });
        // the point-in-time answers fold the events themselves, from the first: the snapshot is not one of them
        ResponseEntity<String> asOfJuly1 = http.getForEntity("/regions/VR03?validAt=2023-07-01", String.class);
        assertThat(asOfJuly1.getStatusCode()).as(asOfJuly1.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(asOfJuly1.getBody()).get("realised").asLong()).isGreaterThanOrEqualTo(260);
        assertThat(http.getForEntity("/national?validAt=2023-07-01", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode verification = json.readTree(http.getForObject("/admin/audit/verify", String.class));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        ReadModelRebuild.rebuildEqualsLive(http, dataSource, CapacityEventsV1.TOPIC, PATIENCE);
    }

    @Test
    void a_snapshot_of_another_revision_is_passed_over_and_the_stream_decides() {
        String id = "CNO-" + UUID.randomUUID();
        post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR04","name":"Hal","places":100,"occurredOn":"2022-09-01"}""".formatted(id));
        post("/cno-locations/" + id + "/closure", """
                {"occurredOn":"2022-10-01"}""");
        aggregates.remove(id); // as after a restart: the next command loads the aggregate from the store
        // what an older shape of CnoLocation might have left: were it read, the closed location would look open
        jdbc.update("""
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, payload,
                    payload_revision, payload_type, time_stamp, meta_data)
                values (?, 1, 'CnoLocation', ?, convert_to(?, 'UTF8'), '0', ?, '2022-10-01T00:00:00Z', convert_to('{}', 'UTF8'))""",
                id, UUID.randomUUID().toString(), """
                {"locationId":"%s","veiligheidsregio":"VR04","status":"OPEN"}""".formatted(id), CnoLocation.class.getName());

        ResponseEntity<String> report = post("/cno-locations/" + id + "/occupancy", """
                {"occupied":10,"occurredOn":"2022-10-02"}""");
        assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(report.getBody()).contains("is closed");
    }

    @Test
    void a_location_another_instance_closed_is_read_again_and_refuses_a_report_this_instance_would_have_taken() {
        String id = "CNO-" + UUID.randomUUID();
        assertThat(post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR05","name":"Expo Haarlemmermeer","places":300,"occurredOn":"2022-09-01"}"""
                .formatted(id)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(aggregates.containsKey(id)).as("kept in memory after its command").isTrue();

        // another instance of capacity-service closes it: its append reaches the shared store, not this instance's cache
        new TransactionTemplate(transactions).executeWithoutResult(status -> storageEngine.appendEvents(
                new GenericDomainEventMessage<>(CnoLocation.class.getSimpleName(), id, 1,
                        new CnoLocationClosed(id, "VR05", LocalDate.of(2022, 10, 1)))));

        ResponseEntity<String> report = post("/cno-locations/" + id + "/occupancy", """
                {"occupied":120,"occurredOn":"2022-10-02"}""");
        assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(report.getBody()).contains("is closed");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id))
                .isEqualTo(2L);
    }

    @Test
    void a_closure_whose_transaction_rolled_back_is_forgotten_even_when_another_writer_then_takes_its_sequence_number() {
        String id = "CNO-" + UUID.randomUUID();
        post("/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR05","name":"Jaarbeurs","places":200,"occurredOn":"2022-09-01"}""".formatted(id));
        // a command inside its caller's transaction (as an inbound poll applies them), which then rolls back
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            commands.sendAndWait(new CloseCnoLocation(id, LocalDate.of(2022, 10, 1)));
            status.setRollbackOnly();
        });
        assertThat(aggregates.containsKey(id)).as("the closed state is not kept").isFalse();
        // another instance then appends sequence number 1 to the same location: the closure's number, not its state
        new TransactionTemplate(transactions).executeWithoutResult(status -> storageEngine.appendEvents(
                new GenericDomainEventMessage<>(CnoLocation.class.getSimpleName(), id, 1,
                        new CnoLocationCapacityChanged(id, "VR05", 250, LocalDate.of(2022, 10, 2)))));

        ResponseEntity<String> report = post("/cno-locations/" + id + "/occupancy", """
                {"occupied":180,"occurredOn":"2022-10-03"}""");
        assertThat(report.getStatusCode().is2xxSuccessful()).as(report.getBody()).isTrue();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
