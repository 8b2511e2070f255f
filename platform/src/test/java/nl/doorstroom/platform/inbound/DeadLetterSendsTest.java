package nl.doorstroom.platform.inbound;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class DeadLetterSendsTest {

    @Test
    @SuppressWarnings("unchecked")
    void a_dead_letter_the_broker_did_not_take_sends_the_consumer_back_to_its_record_before_the_offsets_commit() {
        KafkaOperations<Object, Object> kafka = mock(KafkaOperations.class);
        CompletableFuture<SendResult<Object, Object>> taken = CompletableFuture.completedFuture(null);
        when(kafka.send(any(ProducerRecord.class))).thenReturn(taken, CompletableFuture.failedFuture(new IllegalStateException("broker gone")));
        DeadLetterSends deadLetters = new DeadLetterSends(kafka, new DeadLetterRedaction(List.of()));
        Consumer<Object, Object> consumer = mock(Consumer.class);

        deadLetters.accept(new ConsumerRecord<>("coa.locaties.v1", 1, 41, "k", new byte[0]), new RejectedMessage("bad"));
        deadLetters.accept(new ConsumerRecord<>("coa.locaties.v1", 1, 42, "k", new byte[0]), new RejectedMessage("bad"));
        deadLetters.clearThreadState(consumer);

        verify(consumer).seek(new TopicPartition("coa.locaties.v1", 1), 42L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void dead_letters_the_broker_took_leave_the_consumer_where_it_is() {
        KafkaOperations<Object, Object> kafka = mock(KafkaOperations.class);
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        DeadLetterSends deadLetters = new DeadLetterSends(kafka, new DeadLetterRedaction(List.of()));
        Consumer<Object, Object> consumer = mock(Consumer.class);

        deadLetters.accept(new ConsumerRecord<>("coa.locaties.v1", 0, 7, "k", new byte[0]), new RejectedMessage("bad"));
        deadLetters.clearThreadState(consumer);

        verify(consumer, never()).seek(any(TopicPartition.class), any(Long.class));
    }
}
