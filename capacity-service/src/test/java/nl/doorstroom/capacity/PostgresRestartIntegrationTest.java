package nl.doorstroom.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.infrastructure.LocalKafka;
import nl.doorstroom.infrastructure.LocalPostgres;
import nl.doorstroom.capacity.messaging.CoaTopics;
import nl.doorstroom.platform.inbound.DeadLetterPublishing;
import nl.doorstroom.testsupport.RealInfrastructure;
import nl.doorstroom.testsupport.TestCloudEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static nl.doorstroom.testsupport.TopicReader.readUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * capacity-service under a REST write load and a stream of COA messages while its PostgreSQL is stopped and started again on the same port and
 * data directory (a real server restart: {@code pg_ctl stop} in fast mode ends every connection and rolls back what
 * was not committed) for {@link #OUTAGE}. Requests fail while it is down; every command answered 201 and every COA
 * message Kafka acknowledged is in the event store and the read model afterwards, none is dead-lettered for the
 * outage, and the processors catch up by themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CapacityServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = PostgresRestartIntegrationTest.OnItsOwnServers.class)
@DirtiesContext
class PostgresRestartIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int ANSWERED_BEFORE_RESTART = 40;
    private static final int ANSWERED_AFTER_RESTART = 40;
    private static final int WRITERS = 3;
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final String OPENED = "nl.coa.locaties.LocatieGeopend.v1";

    private static Path dataDirectory;
    private static volatile LocalPostgres postgres;
    private static LocalKafka kafka;

    /**
     * A PostgreSQL of this class's own that it may stop, durable like a real one, and a Kafka broker of its own, so
     * its load leaves no backlog on the topics the other test classes' contexts read from the beginning.
     */
    static class OnItsOwnServers extends RealInfrastructure {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            try {
                dataDirectory = Files.createTempDirectory("doorstroom-pg-restart");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            postgres = LocalPostgres.start(dataDirectory, 0, true);
            postgres.ensureDatabases(List.of(context.getEnvironment().getProperty("doorstroom.database")));
            kafka = LocalKafka.start(null, 0);
            // registered before every other bean, so stopped after them
            var beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerDisposableBean("localPostgres", () -> postgres.close());
            beans.registerDisposableBean("localKafka", kafka::close);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("own-servers", Map.of(
                    "doorstroom.postgres.url", "jdbc:postgresql://localhost:" + postgres.port(),
                    "doorstroom.kafka.bootstrap-servers", kafka.bootstrapServers())));
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void a_postgres_restart_under_load_loses_no_answered_command_and_the_service_reconnects_by_itself() throws Exception {
        String run = "PGR-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean load = new AtomicBoolean(true);
        CompletableFuture<?>[] writers = new CompletableFuture<?>[WRITERS];
        for (int w = 0; w < WRITERS; w++) {
            writers[w] = CompletableFuture.runAsync(() -> {
                while (load.get()) {
                    int n = sent.incrementAndGet();
                    String id = "CNO-" + run + n;
                    try {
                        HttpStatus status = open(id, n);
                        if (status == HttpStatus.CREATED) {
                            answered.add(id);
                        } else {
                            failures.computeIfAbsent(String.valueOf(status.value()), k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
        }
        Set<String> acknowledgedByKafka = ConcurrentHashMap.newKeySet();
        CompletableFuture<?> coa = CompletableFuture.runAsync(() -> {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                for (int n = 0; load.get(); n++) {
                    String location = "COA-" + run + n;
                    producer.send(new ProducerRecord<>(CoaTopics.LOCATIES, location, TestCloudEvents.structured(OPENED, """
                            {"locatieId":"%s","naam":"Locatie %d","plaatsen":{"ASIELZOEKERS":10},"datum":"2022-09-01"}"""
                            .formatted(location, n))), (metadata, error) -> {
                        if (error == null) {
                            acknowledgedByKafka.add(location);
                        }
                    });
                    sleep(50);
                }
            }
        });

        await().atMost(PATIENCE).until(() -> answered.size() >= ANSWERED_BEFORE_RESTART);
        int port = postgres.port();
        postgres.close();
        // about as long as a failover to a standby takes
        Thread.sleep(OUTAGE.toMillis());
        int answeredWhileDown = answered.size();
        postgres = LocalPostgres.start(dataDirectory, port, true);
        await().atMost(PATIENCE).until(() -> answered.size() >= answeredWhileDown + ANSWERED_AFTER_RESTART);
        load.set(false);
        CompletableFuture.allOf(writers).get(2, TimeUnit.MINUTES);
        coa.get(2, TimeUnit.MINUTES);
        System.out.printf("[postgres-restart] %d commands sent, %d answered 201; while PostgreSQL was away: %s;"
                + " %d COA messages acknowledged by Kafka%n", sent.get(), answered.size(), failures, acknowledgedByKafka.size());

        List<String> stored = jdbc.queryForList(
                "select aggregate_identifier from domain_event_entry where aggregate_identifier like ?", String.class, "CNO-" + run + "%");
        assertThat(stored).as("every answered command is in the event store, once").containsAll(answered).doesNotHaveDuplicates();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select location_id from capacity_location where location_id like ? and status = 'OPEN'", String.class, "CNO-" + run + "%"))
                .as("every stored location is open in the read model").containsExactlyInAnyOrderElementsOf(stored));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select location_id from capacity_location where location_id like ? and status = 'OPEN'", String.class, "COA-" + run + "%"))
                .as("every COA message Kafka acknowledged is applied, none dead-lettered for the outage")
                .containsExactlyInAnyOrderElementsOf(acknowledgedByKafka));
        assertThat(jdbc.queryForList("select aggregate_identifier from domain_event_entry where aggregate_identifier like ?",
                String.class, "COA-" + run + "%")).as("each applied once").doesNotHaveDuplicates().hasSize(acknowledgedByKafka.size());
        assertThat(readUntil(kafka.bootstrapServers(), CoaTopics.LOCATIES + DeadLetterPublishing.SUFFIX, r -> false, Duration.ofSeconds(3)).stream()
                .filter(r -> r.key() != null && r.key().startsWith("COA-" + run)).map(r -> r.key()).toList()).isEmpty();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode processors = json.readTree(http.getForObject("/admin/processors", String.class));
            assertThat(processors).isNotEmpty();
            for (JsonNode processor : processors) {
                assertThat(processor.get("lagEvents").asLong()).as(processor.toString()).isZero();
                assertThat(processor.get("running").asBoolean()).as(processor.toString()).isTrue();
            }
        });
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpStatus open(String id, int n) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return HttpStatus.valueOf(http.postForEntity("/cno-locations", new HttpEntity<>("""
                {"locationId":"%s","veiligheidsregio":"VR%02d","name":"Sporthal %d","places":10}"""
                .formatted(id, 1 + n % 25, n), headers), String.class).getStatusCode().value());
    }
}
