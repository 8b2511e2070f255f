package nl.doorstroom.platform.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Puts an inbound record that can never be processed on {@code <topic>.DLT}, with why. */
public interface InboundDeadLetters {

    void deadLetter(ConsumerRecord<?, ?> record, Exception failure);

    /** A record refused outside the container's error handler: its one failed delivery is counted, then it is dead-lettered. */
    void refuse(ConsumerRecord<?, ?> record, Exception failure);

    /** Waits until this thread's dead letters are written; throws when one was not. */
    void awaitWritten();
}
