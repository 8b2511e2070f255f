package nl.doorstroom.platform.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class InboundFailuresTest {

    @Test
    void a_rule_violation_wrapped_by_the_command_gateway_and_the_listener_is_not_retried_and_its_reason_names_the_field() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new CommandExecutionException("command failed", new RuleViolation("locatieId", "COA location L1 is already open")));

        assertThat(InboundFailures.isTransient(failure)).isFalse();
        assertThat(InboundFailures.isRefusal(failure)).isTrue();
        assertThat(InboundFailures.reason(failure)).isEqualTo("rule violation on locatieId: COA location L1 is already open");
    }

    @Test
    void unknown_aggregates_duplicate_creation_and_integrity_or_data_errors_are_not_retried() {
        assertThat(InboundFailures.isTransient(wrapped(new AggregateNotFoundException("L9", "The aggregate was not found")))).isFalse();
        assertThat(InboundFailures.reason(wrapped(new AggregateNotFoundException("L9", "The aggregate was not found"))))
                .startsWith("unknown L9");
        assertThat(InboundFailures.isTransient(wrapped(new AggregateStreamCreationException("stream exists")))).isFalse();
        assertThat(InboundFailures.reason(wrapped(new AggregateStreamCreationException("stream exists")))).startsWith("duplicate");
        assertThat(InboundFailures.isTransient(wrapped(new DataIntegrityViolationException("dup",
                new SQLException("duplicate key value violates unique constraint", "23505"))))).isFalse();
        assertThat(InboundFailures.isTransient(wrapped(new RuntimeException("wrapped",
                new SQLException("unsupported Unicode escape sequence", "22P05"))))).isFalse();
        assertThat(InboundFailures.isTransient(wrapped(new NullPointerException("a bug")))).isFalse();
    }

    @Test
    void lost_connections_timeouts_serialization_failures_and_deadlocks_are_retried() {
        assertThat(InboundFailures.isTransient(wrapped(new CannotCreateTransactionException("no connection")))).isTrue();
        assertThat(InboundFailures.isTransient(wrapped(new CannotAcquireLockException("lock")))).isTrue();
        assertThat(InboundFailures.isTransient(wrapped(new RuntimeException("tx", new SQLException("could not serialize", "40001"))))).isTrue();
        assertThat(InboundFailures.isTransient(wrapped(new RuntimeException("tx", new SQLException("deadlock detected", "40P01"))))).isTrue();
        assertThat(InboundFailures.isTransient(wrapped(new RuntimeException("io", new SQLException("connection lost", "08006"))))).isTrue();
        assertThat(InboundFailures.isTransient(wrapped(new java.util.concurrent.TimeoutException("slow")))).isTrue();
        assertThat(InboundFailures.isTransient(wrapped(new DataIntegrityViolationException("dup", new SQLException(
                "duplicate key value violates unique constraint \"processed_message_pkey\"", "23505")))))
                .as("the same message committed meanwhile by another consumer: the retry skips it").isTrue();
        assertThat(InboundFailures.isTransient(wrapped(new ConcurrencyException("sequence 7 of L1 taken", new SQLException(
                "duplicate key value violates unique constraint \"uk8s1f994p4la2ipb13me2xqm1w\"", "23505")))))
                .as("another instance appended to the aggregate first: the retry decides on its event").isTrue();
    }

    @Test
    void u0000_anywhere_in_the_data_is_found_by_its_json_pointer() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(InboundMessages.nulCharacter(json.readTree("{\"naam\":\"Ter\\u0000Apel\"}"), "")).contains("/naam");
        assertThat(InboundMessages.nulCharacter(json.readTree("{\"a\":{\"b/c\":[\"x\",\"y\\u0000\"]}}"), "")).contains("/a/b~1c/1");
        assertThat(InboundMessages.nulCharacter(json.readTree("{\"a\\u0000\":1}"), "")).contains("/a\\u0000");
        assertThat(InboundMessages.nulCharacter(json.readTree("{\"naam\":\"Ter Apel\",\"n\":[1,2]}"), "")).isEmpty();
    }

    private static Exception wrapped(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", new CommandExecutionException("command failed", cause));
    }
}
