package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.PayBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.PayClaim;
import nl.doorstroom.finance.domain.FinanceCommands.SettleAdvance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Paying a claim or a business case and settling the recipient's open advance (III.14) against it happen in one
 * transaction: either both are recorded or neither. Every payment settles against the one advance scheme, so two
 * payments at once race for its next event; the loser is tried again on the newer state.
 */
@Component
public class Payments {

    private final CommandGateway commands;
    private final OneTransaction transaction;

    Payments(CommandGateway commands, OneTransaction transaction) {
        this.commands = commands;
        this.transaction = transaction;
    }

    public Payment payClaim(String claimId, LocalDate occurredOn) {
        return transaction.run(() -> settled(commands.sendAndWait(new PayClaim(claimId, occurredOn)), occurredOn));
    }

    public Payment payBusinessCase(String businessCaseId, LocalDate occurredOn) {
        return transaction.run(() -> settled(commands.sendAndWait(new PayBusinessCase(businessCaseId, occurredOn)), occurredOn));
    }

    private Payment settled(Payment payment, LocalDate occurredOn) {
        commands.sendAndWait(new SettleAdvance(AdvanceScheme.ID, payment.recipient(), payment.paidFor(),
                payment.amount(), occurredOn));
        return payment;
    }
}
