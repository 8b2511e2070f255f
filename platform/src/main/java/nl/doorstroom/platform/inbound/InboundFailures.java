package nl.doorstroom.platform.inbound;

import nl.doorstroom.platform.domain.NotFoundException;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.persistence.SqlStates;
import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Which inbound failures may pass on a retry and what to tell the sender about the others. Only what is transient
 * (connection lost, a timeout, a serialization failure or deadlock) is retried; a rule violation, an unknown location,
 * a duplicate, bad data or a bug fails the same way every time, so it goes to the dead-letter topic at once. The
 * listener, Axon's command gateway and the JPA layer wrap the real exception, so the whole cause chain is read.
 */
public final class InboundFailures {

    private InboundFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(t -> isConcurrentDelivery(t) || isConcurrentAppend(t))) {
            return true;
        }
        if (chain.stream().anyMatch(InboundFailures::isPermanent)) {
            return false;
        }
        return chain.stream().anyMatch(InboundFailures::isTransientCause);
    }

    /** Refused by the service's own checks (message, schema, rules, lookups), as opposed to a failure nobody foresaw. */
    public static boolean isRefusal(Throwable failure) {
        return chain(failure).stream().anyMatch(t -> t instanceof RejectedMessage || t instanceof RuleViolation
                || t instanceof NotFoundException || t instanceof AggregateNotFoundException
                || t instanceof AggregateStreamCreationException);
    }

    /**
     * Refused while it was read: not a CloudEvent, a type not accepted, data its schema refuses. Such a message was
     * never checked against its contract, so it may hold anything, a BSN or a name included.
     */
    public static boolean isRefusedUnread(Throwable failure) {
        return chain(failure).stream().anyMatch(t -> t instanceof RejectedMessage);
    }

    /** The reason a person can act on: the rule, schema or lookup that refused the message, else the deepest message. */
    public static String reason(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof RuleViolation rule) {
                return "rule violation" + (rule.field() != null ? " on " + rule.field() : "") + ": " + rule.getMessage();
            }
            if (t instanceof RejectedMessage || t instanceof NotFoundException) {
                return t.getMessage();
            }
            if (t instanceof AggregateNotFoundException notFound) {
                return "unknown " + notFound.getAggregateIdentifier() + ": " + notFound.getMessage();
            }
            if (t instanceof AggregateStreamCreationException) {
                return "duplicate: " + t.getMessage();
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        String kind = chain.stream().anyMatch(t -> t instanceof DataIntegrityViolationException || sqlState(t).startsWith("23"))
                ? "conflicts with stored data: " : "";
        return kind + root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * The same message committed meanwhile by another consumer (a rebalance): the retry finds its identity stored and
     * skips it, where a dead letter would report a message that was in fact applied.
     */
    private static boolean isConcurrentDelivery(Throwable t) {
        return sqlState(t).equals("23505") && t.getMessage() != null && t.getMessage().contains("processed_message_pkey");
    }

    /**
     * Another instance (or consumer thread) appended to the same aggregate first: the retry loads its event and
     * decides again. A duplicate creation is not this: it stays a duplicate.
     */
    private static boolean isConcurrentAppend(Throwable t) {
        return t instanceof ConcurrencyException;
    }

    private static boolean isPermanent(Throwable t) {
        String state = sqlState(t);
        return t instanceof RejectedMessage || t instanceof RuleViolation || t instanceof NotFoundException
                || t instanceof AggregateNotFoundException || t instanceof AggregateStreamCreationException
                || t instanceof DataIntegrityViolationException
                // integrity constraint (23), data exception such as an invalid byte sequence or U+0000 (22)
                || state.startsWith("23") || state.startsWith("22");
    }

    private static boolean isTransientCause(Throwable t) {
        String state = sqlState(t);
        return t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof AxonTransientException
                || t instanceof TimeoutException || t instanceof SocketTimeoutException || t instanceof ConnectException
                || t instanceof org.apache.kafka.common.errors.RetriableException
                || !state.isEmpty() && SqlStates.isTransient(state);
    }

    private static String sqlState(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 32; t = t.getCause()) {
            chain.add(t);
            if (t instanceof SQLException sql && sql.getNextException() != null && !chain.contains(sql.getNextException())) {
                chain.add(sql.getNextException());
            }
        }
        return chain;
    }
}
