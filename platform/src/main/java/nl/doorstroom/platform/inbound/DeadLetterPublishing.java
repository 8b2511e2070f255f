package nl.doorstroom.platform.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.doorstroom.platform.autoconfigure.DoorstroomProperties;
import nl.doorstroom.platform.domain.RuleViolation;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Failures that may pass (a database hiccup) are retried a few times with back-off; a message that can never
 * succeed goes to {@code <topic>.DLT} at once, with the reason in its headers, and the consumer carries on.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterPublishing {

    public static final String SUFFIX = ".DLT";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublishing.class);

    @Bean
    DefaultErrorHandler inboundErrorHandler(KafkaTemplate<Object, Object> kafka, MeterRegistry meters,
                                            DoorstroomProperties properties) {
        // every inbound topic's counter exists from the start at 0, so increase() sees the first dead letter too
        properties.inboundTopics().forEach(topic -> deadLettered(meters, topic));
        // named explicitly: the library's own default suffix has changed between versions
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(record.topic() + SUFFIX, record.partition()));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(4);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), rootMessage(failure));
            deadLettered(meters, record.topic()).increment();
            deadLetters.accept(record, failure);
        }, backOff);
        handler.addNotRetryableExceptions(RejectedMessage.class, RuleViolation.class);
        return handler;
    }

    private static Counter deadLettered(MeterRegistry meters, String topic) {
        return Counter.builder("doorstroom.inbound.dead.lettered")
                .description("Inbound records sent to the dead-letter topic")
                .tag("topic", topic)
                .register(meters);
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
