package nl.doorstroom.platform.register;

import java.math.BigDecimal;
import java.util.List;

/**
 * A service's measured figure for a commitment, what it counts, and the events that moved it: {@code eventCount} of
 * them in all and the latest few in {@code events} (newest first). Both are null when the measure cannot say, or
 * cannot say yet (read-model rows stored before they kept their events, until the projection is rebuilt).
 * {@code money} is present for a money commitment, whose figure is what was delivered (paid), not what was budgeted.
 */
public record Measurement(BigDecimal actual, String description, Long eventCount, List<EventRef> events, Money money) {

    /**
     * Where a money commitment's euros stand: budgeted (in the table as amended), committed (approved, or paid
     * directly), paid; {@code settled} only for an advance (III.14): what was settled against later payments.
     */
    public record Money(BigDecimal budgeted, BigDecimal committed, BigDecimal paid, BigDecimal settled) {

        boolean started() {
            return committed.signum() > 0 || paid.signum() > 0;
        }
    }

    public static Measurement of(BigDecimal actual, String description, FigureEvents movedBy) {
        return ofMoney(actual, description, movedBy, null);
    }

    /** A money commitment's figure: {@code actual} is the part of {@code money} the article promises delivered. */
    public static Measurement ofMoney(BigDecimal actual, String description, FigureEvents movedBy, Money money) {
        return movedBy == null ? new Measurement(actual, description, null, null, money)
                : new Measurement(actual, description, movedBy.count(), movedBy.latest(), money);
    }

    /** The figure alone, from a measure that names no events. */
    public static Measurement figureOnly(BigDecimal actual) {
        return new Measurement(actual, null, null, null, null);
    }
}
