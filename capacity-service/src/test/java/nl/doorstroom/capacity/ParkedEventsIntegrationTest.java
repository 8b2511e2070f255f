package nl.doorstroom.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.capacity.projection.CapacityProjection;
import nl.doorstroom.platform.outbound.OutboundPublisher;
import nl.doorstroom.testsupport.RealInfrastructure;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the running code cannot read (a changed event class without an upcaster, as after a bad deployment) is
 * parked by every processor that handles it, with the later events of its location behind it; the processors carry
 * on with every other location, nothing is skipped, and operators see and retry the parked events. Its own context:
 * the unreadable event stays in this database's event store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CapacityServiceApplication.CONFIG_NAME, "doorstroom.test.context=parked-events"})
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first counts every parked event of this context
class ParkedEventsIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    @Order(1)
    void an_unreadable_event_is_parked_with_the_later_events_of_its_location_while_other_locations_carry_on() throws Exception {
        String broken = openLocation("VR02", 100);
        String template = openLocation("VR03", 80);
        assertThat(post("/cno-locations/" + template + "/capacity", """
                {"places":90,"occurredOn":"2022-10-01"}""").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(realised("VR03")).isEqualTo(90));
        assertThat(realised("VR02")).isEqualTo(100);

        // two capacity changes of VR02's location as stored by an older version: the first with places the running
        // code cannot read, the second readable but behind it
        String unreadable = UUID.randomUUID().toString();
        String behind = UUID.randomUUID().toString();
        storeLike(template, broken, 1, unreadable, """
                {"locationId":"%s","veiligheidsregio":"VR02","places":"honderdtwintig","occurredOn":"2022-10-02"}""".formatted(broken));
        storeLike(template, broken, 2, behind, """
                {"locationId":"%s","veiligheidsregio":"VR02","places":140,"occurredOn":"2022-10-03"}""".formatted(broken));
        openLocation("VR04", 60);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(realised("VR04")).as("the processor carried on past the unreadable event").isEqualTo(60);
            assertThat(processor(CapacityProjection.PROCESSING_GROUP).get("deadLetters").asLong()).isEqualTo(2);
            assertThat(processor(OutboundPublisher.PROCESSING_GROUP).get("deadLetters").asLong())
                    .as("nor is it published, nor the event behind it, until they can be").isEqualTo(2);
        });
        assertThat(realised("VR02")).as("the readable change waits behind the unreadable one: order holds").isEqualTo(100);
        assertThat(processor(CapacityProjection.PROCESSING_GROUP).get("lagEvents").asLong()).isZero();

        JsonNode parked = json.readTree(http.getForObject("/admin/processors/" + CapacityProjection.PROCESSING_GROUP
                + "/dead-letters", String.class));
        assertThat(parked.findValuesAsText("eventIdentifier")).containsExactly(unreadable, behind);
        assertThat(parked.findValuesAsText("aggregateIdentifier")).containsOnly(broken);
        assertThat(parked.get(0).get("eventType").asText()).isEqualTo("CnoLocationCapacityChanged");
        assertThat(parked.get(0).get("causeMessage").asText()).as(parked.toString()).isNotBlank();
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains(
                "doorstroom_processor_dead_letters_events{processor=\"capacity-projection\",service=\"capacity\"} 2.0");

        // retried while the code still cannot read it: nothing is lost, the sequence stays parked in order
        JsonNode retry = json.readTree(http.postForObject("/admin/processors/" + CapacityProjection.PROCESSING_GROUP
                + "/dead-letters/retry", null, String.class));
        assertThat(retry.get("sequencesTried").asLong()).isEqualTo(1);
        assertThat(retry.get("sequencesHandled").asLong()).isZero();
        assertThat(retry.get("eventsParked").asLong()).isEqualTo(2);
        assertThat(json.readTree(http.getForObject("/admin/processors/" + CapacityProjection.PROCESSING_GROUP
                + "/dead-letters", String.class)).findValuesAsText("eventIdentifier")).containsExactly(unreadable, behind);

        // a replay empties the queue, handles every event again, and parks the same two again
        assertThat(http.postForEntity("/admin/processors/" + CapacityProjection.PROCESSING_GROUP + "/replay", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode status = processor(CapacityProjection.PROCESSING_GROUP);
            assertThat(status.get("replay").get("finishedAt").isNull()).isFalse();
            assertThat(status.get("deadLetters").asLong()).as(() -> http.getForObject("/admin/processors/"
                    + CapacityProjection.PROCESSING_GROUP + "/dead-letters", String.class)).isEqualTo(2);
            assertThat(realised("VR04")).isEqualTo(60);
            assertThat(realised("VR03")).isEqualTo(90);
        });
        assertThat(realised("VR02")).isEqualTo(100);
        assertThat(http.getForEntity("/admin/processors/no-such-processor/dead-letters", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(2)
    void an_event_whose_row_the_database_refuses_is_parked_and_the_events_after_it_for_other_locations_are_projected()
            throws Exception {
        String template = openLocation("VR05", 70);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(realised("VR05")).isEqualTo(70));

        // stored by an older version that let U+0000 through: readable and foldable, but PostgreSQL cannot hold the
        // name in the read model's jsonb, so the write of its row fails with a data error, not a handler exception
        String refused = "CNO-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        storeLike(template, 0, refused, 0, eventId, """
                {"locationId":"%s","veiligheidsregio":"VR06","name":"Sport\\u0000hal","gemeente":null,"places":55,
                 "belowNormalStandard":false,"occurredOn":"2022-09-06"}""".formatted(refused));
        String after = openLocation("VR06", 40);
        openLocation("VR07", 30);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(realised("VR07")).as("the processor carried on past the refused row").isEqualTo(30);
            assertThat(json.readTree(http.getForObject("/admin/processors/" + CapacityProjection.PROCESSING_GROUP
                    + "/dead-letters", String.class)).findValuesAsText("eventIdentifier")).contains(eventId);
        });
        assertThat(realised("VR06")).as("the other location of the same region is projected, the refused one is not")
                .isEqualTo(40);
        assertThat(http.getForEntity("/locations/" + after, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/locations/" + refused, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode parked = json.readTree(http.getForObject("/admin/processors/" + CapacityProjection.PROCESSING_GROUP
                + "/dead-letters", String.class));
        JsonNode letter = parked.findParents("eventIdentifier").stream()
                .filter(p -> p.get("eventIdentifier").asText().equals(eventId)).findFirst().orElseThrow();
        assertThat(letter.get("aggregateIdentifier").asText()).isEqualTo(refused);
        assertThat(letter.get("causeMessage").asText()).as("the database's own reason").containsIgnoringCase("unicode");
        assertThat(processor(CapacityProjection.PROCESSING_GROUP).get("lagEvents").asLong()).isZero();
    }

    /** A copy of {@code template}'s capacity change as if stored for {@code aggregate} with {@code payload}. */
    private void storeLike(String template, String aggregate, long sequenceNumber, String eventId, String payload) {
        storeLike(template, 1, aggregate, sequenceNumber, eventId, payload);
    }

    /** A copy of {@code template}'s event {@code templateSequence} as if stored for {@code aggregate} with {@code payload}. */
    private void storeLike(String template, long templateSequence, String aggregate, long sequenceNumber, String eventId,
                           String payload) {
        int stored = jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                select nextval('domain_event_entry_seq'), ?, ?, type, ?, time_stamp, payload_type, payload_revision,
                       convert_to(?, 'UTF8'), meta_data
                from domain_event_entry where aggregate_identifier = ? and sequence_number = ?""",
                aggregate, sequenceNumber, eventId, payload, template, templateSequence);
        assertThat(stored).isEqualTo(1);
    }

    private JsonNode processor(String name) throws Exception {
        return json.readTree(http.getForObject("/admin/processors/" + name, String.class));
    }

    private int realised(String region) throws Exception {
        return json.readTree(http.getForObject("/regions/" + region, String.class)).get("realised").asInt();
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
