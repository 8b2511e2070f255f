package nl.doorstroom.platform.instances;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentAppendRetryTest {

    private final List<String> scheduled = new ArrayList<>();
    private final RetryScheduler interval = (command, failure, failures, dispatch) -> scheduled.add(failure.getMessage());
    private final ConcurrentAppendRetry retry = new ConcurrentAppendRetry(interval);

    @Test
    void a_command_that_lost_its_aggregate_to_another_writer_is_sent_again() {
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("close CNO-1"),
                new CommandExecutionException("failed", new ConcurrencyException("sequence 3 of CNO-1 taken")), List.of(), () -> {
                })).isTrue();
        assertThat(scheduled).hasSize(1);
    }

    @Test
    void a_command_that_met_a_due_moment_db_scheduler_was_running_is_sent_again() {
        // what DbSchedulerDeadlineManager.cancelAllWithinScope threw when a deadline was met as its due moment ran
        RuntimeException refused = new CommandExecutionException("failed", new IllegalStateException(
                new TaskInstanceCurrentlyExecutingException("axon-deadline", "III.6")));
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("meet III.6"), refused, List.of(), () -> {
        })).isTrue();
        assertThat(scheduled).hasSize(1);
    }

    @Test
    void a_rule_violation_is_not_sent_again() {
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("close CNO-1"),
                new RuleViolation("places", "places must be positive"), List.of(), () -> {
                })).isFalse();
        assertThat(scheduled).isEmpty();
    }

    @Test
    void inside_an_outer_transaction_the_whole_message_is_retried_instead() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("close CNO-1"),
                    new ConcurrencyException("sequence 3 of CNO-1 taken"), List.of(), () -> {
                    })).isFalse();
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(scheduled).isEmpty();
    }
}
