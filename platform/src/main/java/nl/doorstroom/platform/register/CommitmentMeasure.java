package nl.doorstroom.platform.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A service's own figure for a commitment that has a target (CNO places realised for III.1, COA places for
 * INL.1), read from its projections. A measured commitment's status follows from the figure.
 */
public interface CommitmentMeasure {

    Optional<BigDecimal> actual(String ref);

    /**
     * The figure with what it counts and the events that moved it, which the register names as the reason for a
     * measured status. A measure that cannot name them gives the figure alone.
     */
    default Optional<Measurement> measurement(String ref) {
        return actual(ref).map(Measurement::figureOnly);
    }

    /**
     * The figure as it stood at the end of {@code due}, as known now: what the register judges a dated target on once
     * its due moment has passed (reached then: MET; only later: LATE; not yet: MISSED). Empty when the measure cannot
     * say, and the register then judges the figure alone, as before the due moment.
     */
    default Optional<Measurement> measurementByDue(String ref, LocalDate due) {
        return Optional.empty();
    }
}
