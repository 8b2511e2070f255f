package nl.doorstroom.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.capacity.messaging.CoaTopics;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.infrastructure.LocalKafkaCluster;
import nl.doorstroom.testsupport.RealInfrastructure;
import nl.doorstroom.testsupport.TestCloudEvents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * capacity-service on a three-broker Kafka cluster (replication factor 3, min.insync.replicas 2) that loses the leader
 * of an inbound partition while COA messages arrive and the service publishes its events: every message COA had
 * acknowledged is applied once and projected, every stored event reaches {@code doorstroom.capacity.events}, and
 * nobody restarts or resets anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + CapacityServiceApplication.CONFIG_NAME,
        "doorstroom.replication-factor=" + LocalKafkaCluster.REPLICATION_FACTOR,
        "doorstroom.min-insync-replicas=" + LocalKafkaCluster.MIN_INSYNC_REPLICAS})
@ContextConfiguration(initializers = KafkaBrokerLossIntegrationTest.OnTheCluster.class)
@DirtiesContext
class KafkaBrokerLossIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String OPENED = "nl.coa.locaties.LocatieGeopend.v1";
    private static final int COA_MESSAGES = 300;
    private static final int REST_COMMANDS = 60;

    private static LocalKafkaCluster cluster;

    /** The shared test PostgreSQL, but this class's own Kafka cluster, which lives as long as the context. */
    static class OnTheCluster extends RealInfrastructure {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            cluster = LocalKafkaCluster.start();
            // registered before every other bean, so destroyed after them: no consumer waits for brokers that are gone
            ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("localKafkaCluster", cluster::close);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kafka-cluster",
                    Map.of("doorstroom.kafka.bootstrap-servers", cluster.bootstrapServers())));
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Value("${spring.kafka.consumer.group-id}")
    String consumerGroup;

    @Test
    void losing_the_leader_of_an_inbound_partition_mid_load_loses_nothing_acknowledged_and_needs_no_manual_step() throws Exception {
        theServiceCreatedItsTopicsReplicatedThreeTimesWithTwoInSync();
        String run = "KILL-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int leader = cluster.leaderOf(CoaTopics.LOCATIES, 0);

        Set<String> acknowledgedByKafka = ConcurrentHashMap.newKeySet();
        List<Exception> refusedByKafka = new ArrayList<>();
        CompletableFuture<Set<String>> restLoad = CompletableFuture.supplyAsync(() -> openCnoLocations(run));
        CompletableFuture<Void> brokerLoss = null;
        try (var coa = coaProducer()) {
            for (int i = 0; i < COA_MESSAGES; i++) {
                String location = "COA-" + run + i;
                coa.send(new ProducerRecord<>(CoaTopics.LOCATIES, location, TestCloudEvents.structured(OPENED, """
                        {"locatieId":"%s","naam":"Locatie %d","plaatsen":{"ASIELZOEKERS":10},"datum":"2022-09-01"}"""
                        .formatted(location, i))), (metadata, error) -> {
                    if (error == null) {
                        acknowledgedByKafka.add(location);
                    } else {
                        synchronized (refusedByKafka) {
                            refusedByKafka.add(error);
                        }
                    }
                });
                if (i == COA_MESSAGES / 3) {
                    // stopped beside the load, which goes on while leaderships move
                    brokerLoss = CompletableFuture.runAsync(() -> cluster.stop(leader));
                }
                Thread.sleep(15);
            }
            coa.flush();
        }
        brokerLoss.get(2, TimeUnit.MINUTES);
        Set<String> acknowledgedByService = restLoad.get(2, TimeUnit.MINUTES);

        assertThat(cluster.leaderOf(CoaTopics.LOCATIES, 0)).as("partition 0 failed over").isNotEqualTo(leader);
        assertThat(refusedByKafka).as("with two of three replicas left, acks=all sends still succeed").isEmpty();
        assertThat(acknowledgedByKafka).hasSize(COA_MESSAGES);
        assertThat(acknowledgedByService).as("REST commands answered 201").isNotEmpty();

        // the service carries on: a message and a command after the loss are handled like any other
        String after = "COA-" + run + "after";
        try (var coa = coaProducer()) {
            coa.send(new ProducerRecord<>(CoaTopics.LOCATIES, after, TestCloudEvents.structured(OPENED, """
                    {"locatieId":"%s","naam":"Na de uitval","plaatsen":{"ASIELZOEKERS":10},"datum":"2022-09-02"}""".formatted(after))))
                    .get(60, TimeUnit.SECONDS);
        }
        acknowledgedByKafka.add(after);

        Set<String> acknowledged = new HashSet<>(acknowledgedByKafka);
        acknowledged.addAll(acknowledgedByService);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(projected(run)).as("every acknowledged location is open in the read model")
                        .containsExactlyInAnyOrderElementsOf(acknowledged));

        Map<String, String> stored = storedEvents(run);
        assertThat(stored.values()).as("each acknowledged message or command stored once, a redelivery changed nothing")
                .containsExactlyInAnyOrderElementsOf(acknowledged);

        Map<String, List<String>> published = publishedUntilAllOf(stored.keySet());
        assertThat(published.keySet()).as("every stored event published, and nothing else of this run")
                .containsExactlyInAnyOrderElementsOf(stored.keySet());
        published.forEach((eventId, keys) -> assertThat(keys).as("key of " + eventId).containsOnly(stored.get(eventId)));
        long duplicates = published.values().stream().mapToLong(keys -> keys.size() - 1).sum();
        System.out.printf("[kafka-broker-loss] node %d stopped after %d of %d COA messages; %d events stored and published,"
                + " %d published twice (at-least-once)%n", leader, COA_MESSAGES / 3, COA_MESSAGES, stored.size(), duplicates);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            for (JsonNode processor : json.readTree(http.getForObject("/admin/processors", String.class))) {
                assertThat(processor.get("lagEvents").asLong()).as(processor.toString()).isZero();
            }
            assertThat(consumerLag(CoaTopics.LOCATIES)).as("the inbound topic's consumer lag").isZero();
        });

        // back again, the broker catches up from the others and is in sync for every partition
        cluster.restart(leader);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            try (Admin admin = cluster.admin()) {
                admin.describeTopics(List.of(CoaTopics.LOCATIES, CapacityEventsV1.TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .values().forEach(topic -> assertThat(topic.partitions()).allSatisfy(partition ->
                                assertThat(partition.isr()).as(topic.name() + "-" + partition.partition()).hasSize(LocalKafkaCluster.SIZE)));
            }
        });
    }

    private void theServiceCreatedItsTopicsReplicatedThreeTimesWithTwoInSync() throws Exception {
        List<String> topics = List.of(CoaTopics.LOCATIES, CoaTopics.LOCATIES + ".DLT", CapacityEventsV1.TOPIC);
        try (Admin admin = cluster.admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            described.values().forEach(topic -> assertThat(topic.partitions()).isNotEmpty().allSatisfy(partition ->
                    assertThat(partition.replicas()).as(topic.name()).hasSize(LocalKafkaCluster.REPLICATION_FACTOR)));
            var configs = admin.describeConfigs(topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            configs.forEach((resource, config) -> assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
                    .as(resource.name()).isEqualTo(String.valueOf(LocalKafkaCluster.MIN_INSYNC_REPLICAS)));
        }
    }

    private Set<String> openCnoLocations(String run) {
        Set<String> created = new HashSet<>();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (int i = 0; i < REST_COMMANDS; i++) {
            String id = "CNO-" + run + i;
            var answer = http.postForEntity("/cno-locations", new HttpEntity<>("""
                    {"locationId":"%s","veiligheidsregio":"VR%02d","name":"Sporthal %d","places":10}"""
                    .formatted(id, 1 + i % 25, i), headers), String.class);
            if (answer.getStatusCode() == HttpStatus.CREATED) {
                created.add(id);
            }
        }
        return created;
    }

    private KafkaProducer<String, String> coaProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer());
    }

    private List<String> projected(String run) {
        return jdbc.queryForList("select location_id from capacity_location where location_id like ? and status = 'OPEN'",
                String.class, "%-" + run + "%");
    }

    /** event id → aggregate id of this run's events in the event store. */
    private Map<String, String> storedEvents(String run) {
        Map<String, String> events = new HashMap<>();
        jdbc.query("select event_identifier, aggregate_identifier from domain_event_entry where aggregate_identifier like ?",
                rs -> {
                    events.put(rs.getString(1), rs.getString(2));
                }, "%-" + run + "%");
        return events;
    }

    /** CloudEvent id → the record keys it was published under, read from the beginning until every wanted id is seen. */
    private Map<String, List<String>> publishedUntilAllOf(Set<String> wanted) throws Exception {
        Map<String, List<String>> seen = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(CapacityEventsV1.TOPIC));
            long until = System.nanoTime() + PATIENCE.toNanos();
            while (!seen.keySet().containsAll(wanted) && System.nanoTime() < until) {
                collect(consumer.poll(Duration.ofMillis(500)), wanted, seen);
            }
            // a little longer, so that late duplicates are counted too
            for (int i = 0; i < 4; i++) {
                collect(consumer.poll(Duration.ofMillis(500)), wanted, seen);
            }
        }
        return seen;
    }

    /** This run's records (its keys carry the run's marker) and any record of a wanted event. */
    private void collect(Iterable<ConsumerRecord<String, byte[]>> records, Set<String> wanted, Map<String, List<String>> seen)
            throws Exception {
        for (ConsumerRecord<String, byte[]> r : records) {
            String id = json.readTree(r.value()).get("id").asText();
            if (wanted.contains(id) || (r.key() != null && r.key().contains("-KILL-"))) {
                seen.computeIfAbsent(id, k -> new ArrayList<>()).add(r.key());
            }
        }
    }

    private long consumerLag(String topic) throws Exception {
        try (Admin admin = cluster.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(committed).as("offsets committed on " + topic).isNotEmpty();
            var ends = admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS);
            return committed.entrySet().stream().mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset()).sum();
        }
    }
}
