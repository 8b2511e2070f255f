package nl.doorstroom.platform.instances;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The segments of a processor as the token store holds them, whichever instance claims them: read without claiming,
 * so an instance that holds none of them still knows where the processor as a whole stands.
 */
@Component
public class SegmentClaims {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public SegmentClaims(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * One segment: its id, the instance claiming it (null when free), the index of the last event it handled, and
     * whether it is replaying still: reset, and not yet back where it stood then.
     */
    public record Segment(int id, String owner, long position, boolean replaying) {
    }

    public List<Segment> of(String processor) {
        return jdbc.query("select segment, owner, token, token_type from token_entry where processor_name = ? order by segment",
                (row, i) -> segment(row.getInt("segment"), row.getString("owner"), token(row.getBytes("token"),
                        row.getString("token_type"))), processor);
    }

    private static Segment segment(int id, String owner, TrackingToken token) {
        long position = position(token);
        // Axon keeps a ReplayToken until an event past the reset position is handled: caught up is done replaying
        boolean replaying = token instanceof ReplayToken replay && position < position(replay.getTokenAtReset());
        return new Segment(id, owner, position, replaying);
    }

    /** The index every segment has reached (the lowest), -1 before the processor has stored a token. */
    public long position(String processor) {
        return of(processor).stream().mapToLong(Segment::position).min().orElse(-1);
    }

    private TrackingToken token(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        SerializedType serializedType = new SimpleSerializedType(type, null);
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, serializedType));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
