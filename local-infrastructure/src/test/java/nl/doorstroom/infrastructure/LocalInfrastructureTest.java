package nl.doorstroom.infrastructure;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalInfrastructureTest {

    @TempDir
    Path data;

    @Test
    void the_local_stacks_postgres_runs_durably_and_keeps_its_data_across_a_restart() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), 0, true)) {
            assertThat(postgres.setting("fsync")).isEqualTo("on");
            assertThat(postgres.setting("synchronous_commit")).isEqualTo("on");
            postgres.ensureDatabases(List.of("capacity"));
            try (var c = DriverManager.getConnection(postgres.jdbcUrl("capacity"), LocalPostgres.USER, "")) {
                c.createStatement().execute("create table pledge(vr_code text, places int)");
                c.createStatement().execute("insert into pledge values ('VR01', 225)");
            }
        }
        try (LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), 0, true);
             var c = DriverManager.getConnection(postgres.jdbcUrl("capacity"), LocalPostgres.USER, "")) {
            var rs = c.createStatement().executeQuery("select places from pledge where vr_code = 'VR01'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(225);
        }
    }

    @Test
    void test_postgres_may_trade_durability_for_speed() {
        try (LocalPostgres postgres = LocalPostgres.start(null, 0, false)) {
            assertThat(postgres.setting("fsync")).isEqualTo("off");
        }
    }

    @Test
    void the_kafka_broker_keeps_its_records_across_a_restart() {
        Path logs = data.resolve("kafka");
        try (LocalKafka kafka = LocalKafka.start(logs, 0)) {
            kafka.ensureTopics(List.of("coa.locaties.v1"), 1);
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("coa.locaties.v1", "TER-APEL", "opened")).get();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (LocalKafka kafka = LocalKafka.start(logs, 0);
             var consumer = new KafkaConsumer<String, String>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("coa.locaties.v1"));
            List<String> values = new ArrayList<>();
            long until = System.currentTimeMillis() + 30_000;
            while (values.isEmpty() && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.key() + "=" + r.value());
                }
            }
            assertThat(values).containsExactly("TER-APEL=opened");
        }
    }
}
