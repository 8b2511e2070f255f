package nl.doorstroom.platform.register;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A service's own figure for a commitment that has a target (CNO places realised for III.1, COA places for
 * INL.1), read from its projections. A measured commitment's status follows from the figure.
 */
public interface CommitmentMeasure {

    Optional<BigDecimal> actual(String ref);
}
