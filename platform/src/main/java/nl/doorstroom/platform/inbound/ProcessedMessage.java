package nl.doorstroom.platform.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The id of an inbound message whose effect has been applied. */
@Entity
@Table(name = "processed_message")
public class ProcessedMessage {

    @Id
    @Column(name = "message_id")
    private String messageId;
    private String topic;
    private String type;
    @Column(name = "processed_at")
    private Instant processedAt;

    protected ProcessedMessage() {
    }

    public ProcessedMessage(String messageId, String topic, String type, Instant processedAt) {
        this.messageId = messageId;
        this.topic = topic;
        this.type = type;
        this.processedAt = processedAt;
    }

    public String messageId() {
        return messageId;
    }
}
