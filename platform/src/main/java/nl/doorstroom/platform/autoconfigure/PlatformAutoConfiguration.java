package nl.doorstroom.platform.autoconfigure;

import nl.doorstroom.platform.inbound.DeadLetterPublishing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a Doorstroom service gets by depending on {@code platform}. Its entities and repositories are
 * registered beside the service's own (and Axon's) through the auto-configuration packages.
 */
@AutoConfiguration(before = {org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration.class,
        org.axonframework.springboot.autoconfig.AxonAutoConfiguration.class})
@AutoConfigurationPackage(basePackages = "nl.doorstroom.platform")
@EnableConfigurationProperties(DoorstroomProperties.class)
@ComponentScan(basePackages = {
        "nl.doorstroom.platform.admin",
        "nl.doorstroom.platform.audit",
        "nl.doorstroom.platform.inbound",
        "nl.doorstroom.platform.instances",
        "nl.doorstroom.platform.openapi",
        "nl.doorstroom.platform.outbound",
        "nl.doorstroom.platform.projection",
        "nl.doorstroom.platform.register",
        "nl.doorstroom.platform.security",
        "nl.doorstroom.platform.time",
        "nl.doorstroom.platform.tracing",
        "nl.doorstroom.platform.web"})
public class PlatformAutoConfiguration {

    /**
     * The service's own topic and its inbound topics with their dead-letter topics, created up front with the
     * configured replication (unset: the broker's defaults). The DLTs get their retention
     * (doorstroom.dead-letters.retention), also when they exist already (modify-topic-configs).
     */
    @Bean
    KafkaAdmin.NewTopics doorstroomTopics(DoorstroomProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(topic(properties.outboundTopic(), properties));
        for (String inbound : properties.inboundTopics()) {
            topics.add(topic(inbound, properties));
            topics.add(topic(inbound + DeadLetterPublishing.SUFFIX, properties, TopicConfig.RETENTION_MS_CONFIG,
                    String.valueOf(properties.deadLetters().retention().toMillis())));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    static NewTopic topic(String name, DoorstroomProperties properties, String... configs) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(properties.partitions());
        for (int i = 0; i + 1 < configs.length; i += 2) {
            builder.config(configs[i], configs[i + 1]);
        }
        if (properties.replicationFactor() != null) {
            builder.replicas(properties.replicationFactor());
        }
        if (properties.minInsyncReplicas() != null) {
            builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(properties.minInsyncReplicas()));
        }
        return builder.build();
    }
}
