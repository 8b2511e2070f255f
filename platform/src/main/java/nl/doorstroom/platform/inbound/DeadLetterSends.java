package nl.doorstroom.platform.inbound;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.SendResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes dead letters without waiting for each one's acknowledgement, and waits for all of them once the records
 * of a poll are handled, before the container commits their offsets. A broker that syncs every write to disk makes a
 * wait per record cost a disk sync each (~15 ms here, ~70 dead letters/s); waiting once per poll lets the producer
 * send them in batches. A dead letter that could not be written sends the consumer back to its record, so the
 * record is read again, not lost.
 */
public class DeadLetterSends extends DeadLetterPublishingRecoverer implements RecordInterceptor<Object, Object>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterSends.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;
    private static final int MAX_PENDING = 1000;

    private record Pending(TopicPartition from, long offset, CompletableFuture<SendResult<Object, Object>> sent) {
    }

    private final ThreadLocal<List<Pending>> pending = ThreadLocal.withInitial(ArrayList::new);

    /** The failure of the record being dead-lettered on this thread: the record is built without it being passed on. */
    private final ThreadLocal<Exception> failure = new ThreadLocal<>();

    private final KafkaOperations<?, ?> kafka;
    private final DeadLetterRedaction redaction;

    public DeadLetterSends(KafkaOperations<?, ?> kafka, DeadLetterRedaction redaction) {
        // named explicitly: the library's own default suffix has changed between versions
        super(kafka, (record, failure) -> new TopicPartition(record.topic() + DeadLetterPublishing.SUFFIX, record.partition()));
        this.kafka = kafka;
        this.redaction = redaction;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        failure.set(exception);
        try {
            super.accept(record, consumer, exception);
        } finally {
            failure.remove();
        }
    }

    /** A dead letter that may carry personal data goes out redacted: identity and reason kept, data and the sender's headers not. */
    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record, TopicPartition topicPartition,
                                                                  Headers headers, byte[] key, byte[] value) {
        Exception cause = failure.get();
        if (cause == null || !redaction.redacts(record.topic(), cause)) {
            return super.createProducerRecord(record, topicPartition, headers, key, value);
        }
        Integer partition = topicPartition.partition() < 0 ? null : topicPartition.partition();
        Object redacted = redaction.value(value != null ? value : record.value());
        Object keptKey = redaction.keepsKey(record.topic()) ? (key != null ? key : record.key()) : null;
        return new ProducerRecord<Object, Object>(topicPartition.topic(), partition, keptKey, redacted,
                redaction.headers(headers, record.topic(), cause));
    }

    /**
     * Connects the producer and fetches the dead-letter topics' metadata in the background, so the first dead letter
     * does not wait about a second for them; failures are left to the first real send.
     */
    void warmUp(Collection<String> inboundTopics) {
        CompletableFuture.runAsync(() -> inboundTopics.forEach(topic -> {
            try {
                kafka.partitionsFor(topic + DeadLetterPublishing.SUFFIX);
            } catch (RuntimeException e) {
                log.debug("dead-letter topic of {} not reachable yet: {}", topic, e.toString());
            }
        }));
    }

    /** Closes the producer of its own, if it was given one. */
    @Override
    public void destroy() {
        if (kafka instanceof KafkaTemplate<?, ?> template) {
            template.destroy();
        }
    }

    @Override
    protected void publish(ProducerRecord<Object, Object> outRecord, KafkaOperations<Object, Object> kafka,
                           ConsumerRecord<?, ?> inRecord) {
        if (pending.get().size() >= MAX_PENDING) {
            // not reached while this is the containers' record interceptor (max.poll.records is 500 by default)
            awaitOrFail();
        }
        pending.get().add(new Pending(new TopicPartition(inRecord.topic(), inRecord.partition()), inRecord.offset(),
                kafka.send(outRecord)));
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    /** Every dead letter sent by this thread is on its topic, or this throws (and the records are delivered again). */
    public void awaitWritten() {
        awaitOrFail();
    }

    private void awaitOrFail() {
        List<Pending> sends = pending.get();
        try {
            for (Pending send : sends) {
                send.sent().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new KafkaException("earlier dead letters were not written", e);
        } finally {
            sends.clear();
        }
    }

    /** After the records of one poll, before their offsets are committed: every dead letter of them is on its topic. */
    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        List<Pending> sends = pending.get();
        if (sends.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> readAgain = new HashMap<>();
        for (Pending send : sends) {
            try {
                send.sent().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.error("dead letter of {}@{} was not written; reading it again: {}", send.from(), send.offset(), e.toString());
                readAgain.merge(send.from(), send.offset(), Math::min);
            }
        }
        sends.clear();
        readAgain.forEach(consumer::seek);
    }
}
