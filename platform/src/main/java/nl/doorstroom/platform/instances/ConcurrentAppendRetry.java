package nl.doorstroom.platform.instances;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * A command that lost the race for its aggregate's next event to another instance (or thread) of the service is sent
 * again: the retry loads the aggregate with the winner's event and decides anew, so no update is lost. Only that
 * failure is retried (a rule violation would fail the same way), and only for a command in a transaction of its own:
 * inside an outer one, such as a COA poll, the database has aborted that transaction, and the whole message is tried
 * again by the Kafka consumer instead (platform/inbound).
 * <p>
 * So is a command that cancels a deadline's due moment while db-scheduler is running that very due moment (it found
 * the business clock not there yet and is scheduling it again): db-scheduler refuses to cancel an executing task, and
 * a moment later it can be cancelled. The handler of the due moment sees what the command decided.
 */
public class ConcurrentAppendRetry implements RetryScheduler {

    private final RetryScheduler interval;

    ConcurrentAppendRetry(RetryScheduler interval) {
        this.interval = interval;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        return (isConcurrentAppend(lastFailure) || isDueMomentExecuting(lastFailure))
                && !TransactionSynchronizationManager.isActualTransactionActive()
                && interval.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    }

    static boolean isConcurrentAppend(Throwable failure) {
        return Causes.include(failure, ConcurrencyException.class);
    }

    static final String TASK_EXECUTING = "com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException";

    static boolean isDueMomentExecuting(Throwable failure) {
        return Causes.includeNamed(failure, TASK_EXECUTING);
    }
}
