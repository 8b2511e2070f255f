package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.PayBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.PayClaim;
import nl.doorstroom.finance.domain.FinanceCommands.SettleAdvance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Paying a claim or a business case and settling the recipient's open advance (III.14) against it happen in one
 * transaction: either both are recorded or neither. Every payment settles against the one advance scheme, so two
 * payments at once race for its next event: the one that loses (its append conflicts with the other's, committed
 * meanwhile) is tried again, whole, on the newer state.
 */
@Component
public class Payments {

    private static final int ATTEMPTS = 5;

    private final CommandGateway commands;
    private final TransactionTemplate transactions;

    public Payments(CommandGateway commands, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.transactions = new TransactionTemplate(transactions);
    }

    public Payment payClaim(String claimId, LocalDate occurredOn) {
        return inOneTransaction(() -> settled(commands.sendAndWait(new PayClaim(claimId, occurredOn)), occurredOn));
    }

    public Payment payBusinessCase(String businessCaseId, LocalDate occurredOn) {
        return inOneTransaction(() -> settled(commands.sendAndWait(new PayBusinessCase(businessCaseId, occurredOn)), occurredOn));
    }

    private Payment inOneTransaction(Supplier<Payment> payment) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> payment.get());
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

    private Payment settled(Payment payment, LocalDate occurredOn) {
        commands.sendAndWait(new SettleAdvance(AdvanceScheme.ID, payment.recipient(), payment.paidFor(),
                payment.amount(), occurredOn));
        return payment;
    }
}
