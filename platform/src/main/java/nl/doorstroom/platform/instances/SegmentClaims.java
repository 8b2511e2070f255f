package nl.doorstroom.platform.instances;

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

    /** One segment: its id, the instance claiming it (null when free) and the index of the last event it handled. */
    public record Segment(int id, String owner, long position) {
    }

    public List<Segment> of(String processor) {
        return jdbc.query("select segment, owner, token, token_type from token_entry where processor_name = ? order by segment",
                (row, i) -> new Segment(row.getInt("segment"), row.getString("owner"),
                        position(row.getBytes("token"), row.getString("token_type"))), processor);
    }

    /** The index every segment has reached (the lowest), -1 before the processor has stored a token. */
    public long position(String processor) {
        return of(processor).stream().mapToLong(Segment::position).min().orElse(-1);
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        SerializedType serializedType = new SimpleSerializedType(type, null);
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, serializedType));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }
}
