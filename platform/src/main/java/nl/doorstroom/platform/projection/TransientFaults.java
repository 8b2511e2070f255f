package nl.doorstroom.platform.projection;

import nl.doorstroom.platform.persistence.SqlStates;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLException;

/**
 * Which database failures may pass if tried again (the connection, the server, concurrency) and which never will for
 * the same row (a value PostgreSQL cannot store, too long a value, a constraint). Decided on the first SQL state in
 * the cause chain, by {@link SqlStates}.
 */
public final class TransientFaults {

    private TransientFaults() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return SqlStates.isTransient(sql.getSQLState());
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

}
