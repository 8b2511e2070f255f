package nl.doorstroom.platform.persistence;

import nl.doorstroom.platform.inbound.InboundFailures;
import nl.doorstroom.platform.projection.TransientFaults;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A projection and an inbound consumer meeting the same database error either both try again or both give up. */
class SqlStatesTest {

    @ParameterizedTest(name = "{0} {1}: tried again {2}")
    @CsvSource({
            "08006, connection failure, true",
            "40001, could not serialize access, true",
            "40P01, deadlock detected, true",
            "53300, too many connections, true",
            "57P01, terminating connection due to administrator command, true",
            "58030, could not write to file, true",
            "XX000, internal error, true",
            "55P03, could not obtain lock, true",
            "22P05, unsupported Unicode escape sequence, false",
            "22001, value too long for type character varying(255), false",
            "23505, duplicate key value violates unique constraint, false",
            "42703, column does not exist, false",
            "57014, canceling statement due to statement timeout, false"})
    void projections_and_inbound_consumers_classify_a_sql_state_alike(String state, String message, boolean transientState) {
        RuntimeException failure = new RuntimeException("wrapped", new SQLException(message, state));
        assertThat(TransientFaults.isTransient(failure)).as("projection").isEqualTo(transientState);
        assertThat(InboundFailures.isTransient(failure)).as("inbound").isEqualTo(transientState);
    }
}
