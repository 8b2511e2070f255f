package nl.doorstroom.platform.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must only happen once what came before it is committed: an outer Spring transaction's, or none. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} when the current transaction commits (never if it rolls back), or at once outside one. */
    public static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
