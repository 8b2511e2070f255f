package nl.doorstroom.platform.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The CloudEvents identity (source and id) of an inbound message whose effect has been applied. */
@Entity
@Table(name = "processed_message")
@IdClass(ProcessedMessage.Key.class)
public class ProcessedMessage implements Persistable<ProcessedMessage.Key> {

    /** The source of rows stored before the source was part of the key (V5): they match their id from any source. */
    public static final String SOURCE_NOT_RECORDED = "";

    @Id
    private String source;
    @Id
    @Column(name = "message_id")
    private String messageId;
    private String topic;
    private String type;
    @Column(name = "processed_at")
    private Instant processedAt;
    @Transient
    private boolean isNew;

    protected ProcessedMessage() {
    }

    public ProcessedMessage(String source, String messageId, String topic, String type, Instant processedAt) {
        this.source = source;
        this.messageId = messageId;
        this.topic = topic;
        this.type = type;
        this.processedAt = processedAt;
        this.isNew = true;
    }

    public String messageId() {
        return messageId;
    }

    public String source() {
        return source;
    }

    @Override
    public Key getId() {
        return new Key(source, messageId);
    }

    /** Always inserted, never merged: a second insert of the same identity fails instead of overwriting. */
    @Override
    public boolean isNew() {
        return isNew;
    }

    public static class Key implements Serializable {

        private String source;
        private String messageId;

        protected Key() {
        }

        public Key(String source, String messageId) {
            this.source = source;
            this.messageId = messageId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(source, other.source) && Objects.equals(messageId, other.messageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, messageId);
        }
    }
}
