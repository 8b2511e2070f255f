package nl.doorstroom.platform.autoconfigure;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicReplicationTest {

    @Test
    void unconfigured_topics_take_the_brokers_replication_defaults_as_before() {
        NewTopic topic = PlatformAutoConfiguration.topic("doorstroom.capacity.events", bind(Map.of("DOORSTROOM_SERVICE", "capacity")));

        assertThat(topic.numPartitions()).isEqualTo(3);
        assertThat(topic.replicationFactor()).as("-1: the broker's default.replication.factor").isEqualTo((short) -1);
        assertThat(topic.configs() == null ? Map.of() : topic.configs()).doesNotContainKey("min.insync.replicas");
    }

    @Test
    void on_a_cluster_every_topic_gets_three_replicas_of_which_two_must_acknowledge() {
        // the environment variables of a deployment, bound as Spring Boot binds them
        DoorstroomProperties properties = bind(Map.of("DOORSTROOM_SERVICE", "capacity",
                "DOORSTROOM_REPLICATION_FACTOR", "3", "DOORSTROOM_MIN_INSYNC_REPLICAS", "2"));

        NewTopic topic = PlatformAutoConfiguration.topic("coa.locaties.v1", properties);

        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void more_in_sync_replicas_than_replicas_is_refused_at_start_up() {
        assertThatThrownBy(() -> new DoorstroomProperties("capacity", List.of(), 3, 1, 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("min-insync-replicas");
    }

    private static DoorstroomProperties bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return Binder.get(environment).bind("doorstroom", DoorstroomProperties.class).get();
    }
}
