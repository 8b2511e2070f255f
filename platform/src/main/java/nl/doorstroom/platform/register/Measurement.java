package nl.doorstroom.platform.register;

import java.math.BigDecimal;
import java.util.List;

/**
 * A service's measured figure for a commitment, what it counts, and the events that moved it: {@code eventCount} of
 * them in all and the latest few in {@code events} (newest first). Both are null when the measure cannot say, or
 * cannot say yet (read-model rows stored before they kept their events, until the projection is rebuilt).
 */
public record Measurement(BigDecimal actual, String description, Long eventCount, List<EventRef> events) {

    public static Measurement of(BigDecimal actual, String description, FigureEvents movedBy) {
        return movedBy == null ? new Measurement(actual, description, null, null)
                : new Measurement(actual, description, movedBy.count(), movedBy.latest());
    }

    /** The figure alone, from a measure that names no events. */
    public static Measurement figureOnly(BigDecimal actual) {
        return new Measurement(actual, null, null, null);
    }
}
