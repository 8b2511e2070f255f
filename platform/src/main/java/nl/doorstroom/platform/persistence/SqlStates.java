package nl.doorstroom.platform.persistence;

/**
 * The one rule for which PostgreSQL errors may pass when tried again, by SQL state class: 08 connection, 40 transaction
 * rollback (serialization failure, deadlock), 53 insufficient resources, 57P shutdown or not yet accepting connections,
 * 58 system error (I/O), XX internal error, and 55P03 lock not available. These are the server's state, not the
 * data's, so the same work can succeed later. Every other state (22 a value PostgreSQL cannot store, 23 a constraint,
 * 42 a statement error, 57014 a cancelled statement) fails the same way each time. Projections and inbound consumers
 * both decide with it.
 */
public final class SqlStates {

    private SqlStates() {
    }

    public static boolean isTransient(String state) {
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57P")
                || state.startsWith("58") || state.startsWith("XX") || state.equals("55P03");
    }
}
