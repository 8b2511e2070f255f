package nl.doorstroom.platform.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.doorstroom.platform.autoconfigure.DoorstroomProperties;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.testsupport.TestInfrastructure;
import nl.doorstroom.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static nl.doorstroom.testsupport.TopicReader.header;
import static nl.doorstroom.testsupport.TopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dead letters on the real broker, through the same wiring the services get: a message that may carry a BSN or a
 * name reaches its DLT with its identity and its reason, not with the BSN or the name.
 */
class PersonalDataOnDeadLettersTest {

    private static final String STATUSHOUDERS = "coa.statushouders.v1";
    private static final String LOCATIES = "coa.locaties.v1";
    private static final String LINKED = "nl.coa.statushouders.StatushouderGekoppeld.v1";
    private static final String OPENED = "nl.coa.locaties.LocatieGeopend.v1";
    private static final String BSN = "123456782";
    private static final String NAME = "Jansen";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InboundMessages INBOUND = new InboundMessages(null, JSON, Clock.systemUTC());
    private static DeadLetterSends sends;
    private static InboundDeadLetters deadLetters;

    @BeforeAll
    static void wireAsTheServicesDo() {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        KafkaTemplate<Object, Object> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(java.util.Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        DoorstroomProperties housing = new DoorstroomProperties("housing", List.of(STATUSHOUDERS, LOCATIES), 3,
                new DoorstroomProperties.DeadLetters(null, List.of(STATUSHOUDERS)));
        DeadLetterPublishing publishing = new DeadLetterPublishing();
        DeadLetterRedaction redaction = publishing.deadLetterRedaction(housing);
        sends = publishing.deadLetterSends(kafka, housing, redaction);
        deadLetters = publishing.inboundDeadLetters(sends, redaction, new SimpleMeterRegistry());
    }

    @AfterAll
    static void close() {
        sends.destroy();
    }

    @Test
    void a_statushouder_sent_with_a_bsn_as_zaakid_and_a_name_reaches_the_dlt_with_its_id_and_the_fields_named_but_not_the_bsn_or_the_name()
            throws Exception {
        String id = UUID.randomUUID().toString();
        String value = """
                {"specversion":"1.0","id":"%s","source":"/coa/statushouders","type":"%s","time":"2022-09-01T08:00:00Z",\
                "subject":"%s","datacontenttype":"application/json",\
                "data":{"zaakId":"%s","gemeente":"GM0363","datum":"2022-09-01","bsn":"%s","naam":"Jan %s"}}"""
                .formatted(id, LINKED, BSN, BSN, BSN, NAME);

        ConsumerRecord<String, byte[]> dead = deadLetterOf(STATUSHOUDERS, BSN, value,
                () -> INBOUND.read(lastRecord(STATUSHOUDERS), Set.of(LINKED)));

        assertPersonalDataAbsent(dead);
        String reason = header(dead, DeadLetterPublishing.REASON_HEADER);
        assertThat(reason).contains("/zaakId", "/bsn", "/naam");
        assertThat(header(dead, "kafka_dlt-exception-message")).isEqualTo(reason);
        assertThat(header(dead, DeadLetterRedaction.REDACTED_HEADER)).isEqualTo("data");
        JsonNode kept = JSON.readTree(dead.value());
        assertThat(kept.path("id").asText()).isEqualTo(id);
        assertThat(kept.path("source").asText()).isEqualTo("/coa/statushouders");
        assertThat(kept.path("type").asText()).isEqualTo(LINKED);
        assertThat(kept.path("time").asText()).isEqualTo("2022-09-01T08:00:00Z");
        assertThat(kept.path("data").path("redacted").asText()).contains(DeadLetterPublishing.REASON_HEADER);
        assertThat(dead.key()).isNull();
    }

    @Test
    void a_location_message_with_a_contact_person_the_schema_does_not_know_is_redacted_too_naming_the_field_and_keeps_its_key() throws Exception {
        String id = UUID.randomUUID().toString();
        String value = """
                {"specversion":"1.0","id":"%s","source":"/coa/locaties","type":"%s","datacontenttype":"application/json",\
                "data":{"locatieId":"COA-TA","naam":"Ter Apel","plaatsen":{"ASIELZOEKERS":2000},"datum":"2022-09-01",\
                "contactpersoon":"Jan %s, BSN %s"}}""".formatted(id, OPENED, NAME, BSN);

        ConsumerRecord<String, byte[]> dead = deadLetterOf(LOCATIES, "COA-TA", value,
                () -> INBOUND.read(lastRecord(LOCATIES), Set.of(OPENED)));

        assertPersonalDataAbsent(dead);
        assertThat(header(dead, DeadLetterPublishing.REASON_HEADER)).contains("/contactpersoon");
        assertThat(JSON.readTree(dead.value()).path("id").asText()).isEqualTo(id);
        assertThat(dead.key()).as("a location's key is no person's").isEqualTo("COA-TA");
    }

    @Test
    void a_record_that_is_no_json_at_all_keeps_only_the_notice_and_its_reason_quotes_none_of_its_text() {
        ConsumerRecord<String, byte[]> dead = deadLetterOf(STATUSHOUDERS, "k", "Jan " + NAME + " " + BSN,
                () -> INBOUND.read(lastRecord(STATUSHOUDERS), Set.of(LINKED)));

        assertPersonalDataAbsent(dead);
        assertThat(header(dead, DeadLetterPublishing.REASON_HEADER)).startsWith("not a CloudEvent in structured JSON: not JSON at line 1");
    }

    @Test
    void a_cloudevent_with_the_name_in_an_attribute_has_a_reason_that_names_the_attribute_not_its_value() {
        String value = """
                {"specversion":"1.0","id":"x","source":"/coa/statushouders","type":"%s","time":"Jan %s"}""".formatted(LINKED, NAME);

        ConsumerRecord<String, byte[]> dead = deadLetterOf(STATUSHOUDERS, "k", value,
                () -> INBOUND.read(lastRecord(STATUSHOUDERS), Set.of(LINKED)));

        assertPersonalDataAbsent(dead);
        assertThat(header(dead, DeadLetterPublishing.REASON_HEADER)).contains("invalid value of attribute time");
    }

    @Test
    void an_unforeseen_failure_on_the_statushouders_topic_tells_its_kind_but_not_its_message_nor_a_stack_trace() {
        String value = """
                {"specversion":"1.0","id":"%s","source":"/coa/statushouders","type":"%s",\
                "data":{"zaakId":"Z-1","gemeente":"GM0363","datum":"2022-09-01"}}""".formatted(UUID.randomUUID(), LINKED);

        ConsumerRecord<String, byte[]> dead = deadLetterOf(STATUSHOUDERS, "Z-1", value, () -> {
            throw new IllegalStateException("could not parse 'Jan " + NAME + "'");
        });

        assertPersonalDataAbsent(dead);
        assertThat(header(dead, DeadLetterPublishing.REASON_HEADER)).contains("IllegalStateException");
        assertThat(header(dead, "kafka_dlt-exception-stacktrace")).isNull();
    }

    @Test
    void a_valid_location_message_refused_by_a_rule_keeps_its_value_key_and_headers_so_it_can_be_sent_again() throws Exception {
        String id = UUID.randomUUID().toString();
        String value = """
                {"specversion":"1.0","id":"%s","source":"/coa/locaties","type":"%s","datacontenttype":"application/json",\
                "data":{"locatieId":"COA-TA","naam":"Ter Apel","plaatsen":{"ASIELZOEKERS":2000},"datum":"2022-09-01"}}"""
                .formatted(id, OPENED);

        ConsumerRecord<String, byte[]> dead = deadLetterOf(LOCATIES, "COA-TA", value, () -> {
            INBOUND.read(lastRecord(LOCATIES), Set.of(OPENED));
            throw new RuleViolation("locatieId", "location COA-TA is open already");
        });

        assertThat(text(dead)).isEqualTo(value);
        assertThat(dead.key()).isEqualTo("COA-TA");
        assertThat(header(dead, DeadLetterRedaction.REDACTED_HEADER)).isNull();
        assertThat(header(dead, DeadLetterPublishing.REASON_HEADER)).isEqualTo("rule violation on locatieId: location COA-TA is open already");
    }

    @Test
    void a_birth_date_where_a_date_belongs_reaches_the_dlt_with_the_field_named_and_the_date_not_quoted() throws Exception {
        String birthDate = "14-07-1985";
        String id = UUID.randomUUID().toString();
        String value = """
                {"specversion":"1.0","id":"%s","source":"/coa/locaties","type":"%s","datacontenttype":"application/json",\
                "data":{"locatieId":"COA-BD","naam":"Budel","plaatsen":{"ASIELZOEKERS":800},"datum":"%s"}}"""
                .formatted(id, OPENED, birthDate);

        // as capacity-service's consumer reads it: the message, then its date
        ConsumerRecord<String, byte[]> dead = deadLetterOf(LOCATIES, "COA-BD", value,
                () -> LocalDate.parse(INBOUND.read(lastRecord(LOCATIES), Set.of(OPENED)).data().get("datum").asText()));

        String reason = header(dead, DeadLetterPublishing.REASON_HEADER);
        assertThat(reason).contains("/datum").contains("is not a date");
        assertThat(text(dead)).doesNotContain(birthDate);
        for (Header h : dead.headers()) {
            assertThat(new String(h.value(), StandardCharsets.UTF_8)).as("header " + h.key()).doesNotContain(birthDate);
        }
        assertThat(JSON.readTree(dead.value()).path("id").asText()).as("the sender finds its message by id").isEqualTo(id);
    }

    @Test
    void a_date_that_does_not_exist_on_the_statushouders_topic_is_refused_naming_the_field_only() {
        String value = """
                {"specversion":"1.0","id":"z","source":"/coa/statushouders","type":"%s",\
                "data":{"zaakId":"Z-1","gemeente":"GM0363","datum":"1985-02-30"}}""".formatted(LINKED);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(STATUSHOUDERS, 0, 0, "k", value.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> INBOUND.read(record, Set.of(LINKED)))
                .isInstanceOf(RejectedMessage.class)
                .hasMessageContaining("/datum: is not a date")
                .message().doesNotContain("1985-02-30").doesNotContain("1985");
    }

    private static ConsumerRecord<String, byte[]> lastSent;

    private static ConsumerRecord<String, byte[]> lastRecord(String topic) {
        assertThat(lastSent.topic()).isEqualTo(topic);
        return lastSent;
    }

    /** Sends the value as COA would, reads it back, lets {@code consume} fail on it, and returns its dead letter. */
    private static ConsumerRecord<String, byte[]> deadLetterOf(String topic, String key, String value, Supplier<?> consume) {
        String marker = UUID.randomUUID().toString();
        TopicReader.send(topic, key, value);
        lastSent = TopicReader.readUntil(topic, r -> value.equals(text(r)), PATIENCE).stream()
                .filter(r -> value.equals(text(r))).findFirst().orElseThrow();
        // a header of the sender's own, which a redacted dead letter must not carry on either
        lastSent.headers().add("x-behandelaar", ("Jan " + NAME + " " + marker).getBytes(StandardCharsets.UTF_8));
        Exception failure = null;
        try {
            consume.get();
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).as("the message is refused").isNotNull();
        deadLetters.refuse(lastSent, failure);
        deadLetters.awaitWritten();
        long offset = lastSent.offset();
        int partition = lastSent.partition();
        return TopicReader.readUntil(topic + DeadLetterPublishing.SUFFIX, r -> isDeadLetterOf(r, partition, offset), PATIENCE).stream()
                .filter(r -> isDeadLetterOf(r, partition, offset)).findFirst().orElseThrow();
    }

    private static boolean isDeadLetterOf(ConsumerRecord<String, byte[]> r, int partition, long offset) {
        var p = r.headers().lastHeader("kafka_dlt-original-partition");
        var o = r.headers().lastHeader("kafka_dlt-original-offset");
        return p != null && o != null && java.nio.ByteBuffer.wrap(p.value()).getInt() == partition
                && java.nio.ByteBuffer.wrap(o.value()).getLong() == offset;
    }

    private static void assertPersonalDataAbsent(ConsumerRecord<String, byte[]> dead) {
        assertThat(text(dead)).doesNotContain(BSN).doesNotContain(NAME);
        assertThat(dead.key() == null ? "" : dead.key()).doesNotContain(BSN).doesNotContain(NAME);
        for (Header h : dead.headers()) {
            assertThat(new String(h.value(), StandardCharsets.UTF_8)).as("header " + h.key()).doesNotContain(BSN).doesNotContain(NAME);
        }
        assertThat(dead.headers().lastHeader("x-behandelaar")).isNull();
    }

    @Test
    void the_reason_quotes_no_value_for_any_keyword_of_the_inbound_schemas() {
        String value = """
                {"specversion":"1.0","id":"y","source":"/coa/statushouders","type":"nl.coa.statushouders.StatushouderGehuisvest.v1",\
                "data":{"zaakId":"%s","gemeente":"Jan %s","datum":"2022-09-01","huisvestingsvorm":"Jan %s","aantalPersonen":"%s"}}"""
                .formatted(BSN, NAME, NAME, BSN);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(STATUSHOUDERS, 0, 0, "k", value.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> INBOUND.read(record, Set.of("nl.coa.statushouders.StatushouderGehuisvest.v1")))
                .isInstanceOf(RejectedMessage.class)
                .hasMessageContainingAll("/zaakId", "/gemeente", "/huisvestingsvorm", "/aantalPersonen")
                .message().doesNotContain(BSN).doesNotContain(NAME);
    }
}
