package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.ApproveBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.ApproveClaim;
import nl.doorstroom.finance.domain.FinanceCommands.ChargeBudgetLine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Approving a claim or a business case and charging the approved amount to its budget line happen in one
 * transaction, so a line's commitments are never behind its approvals: the line records an overrun at the approval
 * that takes it over its budget. Approvals on one line race for its next event; the loser is tried again.
 */
@Component
public class Approvals {

    private final CommandGateway commands;
    private final OneTransaction transaction;

    Approvals(CommandGateway commands, OneTransaction transaction) {
        this.commands = commands;
        this.transaction = transaction;
    }

    public void approveClaim(String claimId, BigDecimal approvedAmount, String reason, LocalDate occurredOn) {
        transaction.run(() -> charged(commands.sendAndWait(new ApproveClaim(claimId, approvedAmount, reason, occurredOn)), occurredOn));
    }

    public void approveBusinessCase(String businessCaseId, BigDecimal approvedAmount, String line, Instant assessedAt,
                                    LocalDate occurredOn) {
        transaction.run(() -> charged(commands.sendAndWait(
                new ApproveBusinessCase(businessCaseId, approvedAmount, line, assessedAt, occurredOn)), occurredOn));
    }

    private Charge charged(Charge charge, LocalDate occurredOn) {
        commands.sendAndWait(new ChargeBudgetLine(charge.line(), charge.year(), charge.chargeId(), charge.amount(), occurredOn));
        return charge;
    }
}
