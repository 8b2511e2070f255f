package nl.doorstroom.platform.persistence;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import java.util.function.Supplier;

/**
 * The event storage engine's transactions: appends and snapshots in a transaction (joining the unit of work's), reads
 * as they come. The storage engine wraps each read in {@code fetchInTransaction}: a page for a processor, the head for
 * the watcher, an aggregate's events. Each is one statement, consistent on its own; inside a transaction its connection
 * is that transaction's anyway. Through Spring's JPA transaction manager every such read also opened a Hibernate
 * session and sent a commit: the event table's head watcher spent 0.6 ms of CPU per look at the head, most of it that
 * (issue 13, housing-service under load, {@code jcmd Thread.print} CPU per thread).
 */
public final class ReadsOutsideTransactions implements TransactionManager {

    private final TransactionManager transactions;

    public ReadsOutsideTransactions(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        return transactions.startTransaction();
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> supplier) {
        return supplier.get();
    }
}
