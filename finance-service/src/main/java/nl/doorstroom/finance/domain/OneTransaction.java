package nl.doorstroom.finance.domain;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs commands on two aggregates in one transaction: both are recorded or neither. Work that loses a race (its
 * append conflicts with another transaction's, committed meanwhile) is tried again, whole, on the newer state.
 */
@Component
class OneTransaction {

    private static final int ATTEMPTS = 5;

    private final TransactionTemplate transactions;

    OneTransaction(PlatformTransactionManager transactions) {
        this.transactions = new TransactionTemplate(transactions);
    }

    <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !lostTheRace(e)) {
                    throw e;
                }
            }
        }
    }

    /** Another transaction appended the aggregate's next event first. */
    private static boolean lostTheRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
