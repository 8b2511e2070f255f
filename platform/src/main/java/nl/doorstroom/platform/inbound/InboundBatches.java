package nl.doorstroom.platform.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The inbound path for a whole poll of records, for topics where many messages arrive at once (COA's, and the events
 * of the other services, each of which is a command here). Records that
 * can never be processed (not a CloudEvent, an unaccepted type, refused by the schema) go to the DLT at once; the
 * others are applied together in one transaction, each once, so a poll costs one commit instead of one per message.
 * When one of them fails, the transaction is rolled back and each is applied in a transaction of its own: the ones
 * that fail for good go to the DLT, and a transient failure fails the poll from that record on, which Kafka then
 * delivers again (the ones before it are committed; redelivered ones change nothing, see {@link InboundMessages#once}).
 */
@Component
public class InboundBatches {

    private final InboundMessages inbound;
    private final InboundDeadLetters deadLetters;
    private final TransactionTemplate transactions;

    public InboundBatches(InboundMessages inbound, InboundDeadLetters deadLetters, PlatformTransactionManager transactions) {
        this.inbound = inbound;
        this.deadLetters = deadLetters;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * @param read   the record as a validated message; null when it is not for this service (a type it skips); or
     *               {@link RejectedMessage} when it can never be processed
     * @param effect what the message does (sends its command); it runs in the poll's transaction
     */
    public void applyAll(List<ConsumerRecord<String, byte[]>> records, Function<ConsumerRecord<String, byte[]>, InboundMessage> read,
                         Consumer<InboundMessage> effect) {
        List<Read> valid = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                InboundMessage message = read.apply(record);
                if (message != null) {
                    valid.add(new Read(i, record, message));
                }
            } catch (RuntimeException refused) {
                deadLetters.refuse(record, refused);
            }
        }
        if (valid.isEmpty()) {
            deadLetters.awaitWritten();
            return;
        }
        try {
            transactions.executeWithoutResult(status -> valid.forEach(r -> inbound.once(r.message, () -> effect.accept(r.message))));
        } catch (RuntimeException oneFailed) {
            valid.forEach(r -> applyAlone(r, effect));
        }
        deadLetters.awaitWritten();
    }

    private void applyAlone(Read r, Consumer<InboundMessage> effect) {
        try {
            transactions.executeWithoutResult(status -> inbound.once(r.message, () -> effect.accept(r.message)));
        } catch (RuntimeException e) {
            if (InboundFailures.isTransient(e)) {
                deadLetters.awaitWritten();
                throw new BatchListenerFailedException("transient failure; delivered again from here", e, r.index);
            }
            deadLetters.refuse(r.record, e);
        }
    }

    private record Read(int index, ConsumerRecord<String, byte[]> record, InboundMessage message) {
    }
}
