package nl.doorstroom.platform.projection;

import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLException;

/**
 * Which database failures may pass if tried again (the connection, the server, concurrency) and which never will for
 * the same row (a value PostgreSQL cannot store, too long a value, a constraint). Decided on the SQL state, as
 * PostgreSQL's error classes say: 08 connection, 40 transaction rollback (serialization, deadlock), 53 insufficient
 * resources, 57 operator intervention (shutdown, cancel), 58 system error, 55P03 lock not available, XX internal.
 */
public final class TransientFaults {

    private TransientFaults() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return isTransientState(sql.getSQLState());
            }
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static boolean isTransientState(String state) {
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("58") || state.equals("55P03") || state.startsWith("XX");
    }
}
