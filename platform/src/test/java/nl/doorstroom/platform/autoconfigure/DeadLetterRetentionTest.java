package nl.doorstroom.platform.autoconfigure;

import nl.doorstroom.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The dead-letter topics a service creates keep a dead letter for the configured time, 14 days unless told. */
class DeadLetterRetentionTest {

    private static final String FOURTEEN_DAYS_MS = String.valueOf(Duration.ofDays(14).toMillis());

    @Test
    void a_new_dlt_keeps_dead_letters_14_days_and_its_inbound_topic_and_the_events_topic_keep_the_brokers_default() throws Exception {
        String inbound = "coa.retention-" + UUID.randomUUID() + ".v1";
        DoorstroomProperties properties = new DoorstroomProperties("retention" + UUID.randomUUID(), List.of(inbound), 1, null);

        startWith(properties);

        assertThat(retentionOf(inbound + ".DLT")).isEqualTo(FOURTEEN_DAYS_MS);
        assertThat(retentionOf(inbound)).isNotEqualTo(FOURTEEN_DAYS_MS);
        assertThat(retentionOf(properties.outboundTopic())).isNotEqualTo(FOURTEEN_DAYS_MS);
    }

    @Test
    void a_dlt_created_before_without_retention_gets_the_configured_one_at_the_next_start() throws Exception {
        String inbound = "coa.retention-" + UUID.randomUUID() + ".v1";
        try (Admin kafka = kafka()) {
            kafka.createTopics(List.of(new NewTopic(inbound + ".DLT", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        DoorstroomProperties properties = new DoorstroomProperties("retention" + UUID.randomUUID(), List.of(inbound), 1,
                new DoorstroomProperties.DeadLetters(Duration.ofDays(7), List.of()));

        startWith(properties);

        assertThat(retentionOf(inbound + ".DLT")).isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
    }

    /**
     * What a service's start does with its topics: its KafkaAdmin, configured as by doorstroom-platform.yml
     * (spring.kafka.admin.modify-topic-configs), creates or corrects the topics of the platform's bean.
     */
    private static void startWith(DoorstroomProperties properties) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(KafkaAdmin.NewTopics.class, () -> new PlatformAutoConfiguration().doorstroomTopics(properties));
            context.refresh();
            KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()));
            admin.setModifyTopicConfigs(true);
            admin.setFatalIfBrokerNotAvailable(true);
            admin.setApplicationContext(context);
            admin.initialize();
        }
    }

    private static Admin kafka() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()));
    }

    private static String retentionOf(String topic) throws Exception {
        try (Admin kafka = kafka()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return kafka.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value();
        }
    }
}
