package nl.doorstroom.platform.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One stored event with its link in the audit chain. {@link #content()} is the canonical content that is hashed,
 * byte for byte the same as the database's {@code audit_content} (V3__audit_chain.sql) and tools/AuditVerifier:
 * global index, event id, aggregate id, sequence number, aggregate type, timestamp, payload type, payload revision
 * (each as UTF-8 text), payload bytes and metadata bytes; each field as a 4-byte big-endian length (-1 for null)
 * followed by its bytes.
 *
 * @param position the place in the chain (1, 2, ...); null fields of the event mean its row is gone
 */
public record ChainedEvent(long position, long globalIndex, String eventIdentifier, String aggregateIdentifier,
                           Long sequenceNumber, String type, String timeStamp, String payloadType,
                           String payloadRevision, byte[] payload, byte[] metaData, byte[] previousHash, byte[] hash) {

    public static final byte[] GENESIS = new byte[32];

    public boolean stored() {
        return payload != null;
    }

    public byte[] content() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payload.length + (metaData == null ? 0 : metaData.length));
        text(out, Long.toString(globalIndex));
        text(out, eventIdentifier);
        text(out, aggregateIdentifier);
        text(out, sequenceNumber == null ? null : sequenceNumber.toString());
        text(out, type);
        text(out, timeStamp);
        text(out, payloadType);
        text(out, payloadRevision);
        field(out, payload);
        field(out, metaData);
        return out.toByteArray();
    }

    /** sha256(previous hash || content) */
    public byte[] recomputedHash(byte[] previous) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            sha256.update(content());
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void text(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }
}
