package nl.doorstroom.platform.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.doorstroom.platform.autoconfigure.DoorstroomProperties;
import nl.doorstroom.platform.domain.RuleViolation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Failures that may pass (a database hiccup) are retried a few times with back-off; a message that can never
 * succeed (see {@link InboundFailures}) goes to {@code <topic>.DLT} at once, with the reason in its headers, and the
 * consumer carries on with the next record without seeking back.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterPublishing {

    public static final String SUFFIX = ".DLT";
    /** The human reason on every dead letter, also in {@code kafka_dlt-exception-message}. */
    public static final String REASON_HEADER = "doorstroom_dlt-reason";
    private static final BackOff NO_RETRIES = new FixedBackOff(0, 0);
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublishing.class);

    /** Also the containers' record interceptor: it waits for a poll's dead letters before their offsets commit. */
    @Bean
    DeadLetterSends deadLetterSends(KafkaTemplate<Object, Object> kafka, DoorstroomProperties properties, DeadLetterRedaction redaction) {
        // a producer of its own with room for a poll's dead letters in few requests: the broker may sync each one
        DeadLetterSends deadLetters = new DeadLetterSends(new KafkaTemplate<>(kafka.getProducerFactory(),
                Map.of(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)), redaction);
        deadLetters.setExceptionHeadersCreator(DeadLetterPublishing::reasonHeaders);
        deadLetters.warmUp(properties.inboundTopics());
        return deadLetters;
    }

    @Bean
    DeadLetterRedaction deadLetterRedaction(DoorstroomProperties properties) {
        return new DeadLetterRedaction(properties.deadLetters().personalDataTopics());
    }

    /** What every dead letter gets: one log line (no stack trace), the counter, and the record on its DLT. */
    @Bean
    InboundDeadLetters inboundDeadLetters(DeadLetterSends deadLetters, DeadLetterRedaction redaction, MeterRegistry meters) {
        return new InboundDeadLetters() {
            @Override
            public void deadLetter(ConsumerRecord<?, ?> record, Exception failure) {
                // what is known of the failure travels in the dead letter's headers; the log says no more than they do
                log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), redaction.reason(record.topic(), failure));
                deadLettered(meters, record.topic()).increment();
                deadLetters.accept(record, failure);
            }

            @Override
            public void refuse(ConsumerRecord<?, ?> record, Exception failure) {
                failedDeliveries(meters, record.topic()).increment();
                deadLetter(record, failure);
            }

            @Override
            public void awaitWritten() {
                deadLetters.awaitWritten();
            }
        };
    }

    @Bean
    DefaultErrorHandler inboundErrorHandler(InboundDeadLetters deadLetters, MeterRegistry meters, DoorstroomProperties properties) {
        // every inbound topic's counter exists from the start at 0, so increase() sees the first dead letter too
        properties.inboundTopics().forEach(topic -> {
            deadLettered(meters, topic);
            failedDeliveries(meters, topic);
        });
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(4);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters::deadLetter, backOff);
        handler.addNotRetryableExceptions(RejectedMessage.class, RuleViolation.class);
        // only transient failures get the back-off; everything else is dead-lettered on its first failure
        handler.setBackOffFunction((record, failure) -> InboundFailures.isTransient(failure) ? null : NO_RETRIES);
        handler.setRetryListeners((record, failure, attempt) -> failedDeliveries(meters, record.topic()).increment());
        // the records after a failed one stay in memory: no seek and re-fetch per dead letter
        handler.setSeekAfterError(false);
        return handler;
    }

    private static void reasonHeaders(Headers headers, Exception failure, boolean isKey,
                                      DeadLetterPublishingRecoverer.HeaderNames names) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = InboundFailures.reason(failure);
        var info = names.getExceptionInfo();
        headers.add(isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), bytes(failure.getClass().getName()));
        if (!isKey) {
            headers.add(info.getExceptionCauseFqcn(), bytes(root.getClass().getName()));
            headers.add(REASON_HEADER, bytes(reason));
        }
        headers.add(isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(), bytes(reason));
        // a refusal's reason says it all; a stack trace (tens of kB a record) only where the failure is not understood
        if (!InboundFailures.isRefusal(failure)) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            headers.add(isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(), bytes(trace.toString()));
        }
    }

    private static byte[] bytes(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }

    /** Every failed attempt: a message dead-lettered at once counts 1, one retried to exhaustion counts 4. */
    private static Counter failedDeliveries(MeterRegistry meters, String topic) {
        return Counter.builder("doorstroom.inbound.failed.deliveries")
                .description("Failed deliveries of inbound records, each attempt counted")
                .tag("topic", topic)
                .register(meters);
    }

    private static Counter deadLettered(MeterRegistry meters, String topic) {
        return Counter.builder("doorstroom.inbound.dead.lettered")
                .description("Inbound records sent to the dead-letter topic")
                .tag("topic", topic)
                .register(meters);
    }
}
