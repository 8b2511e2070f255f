package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.EstablishAdvanceScheme;
import nl.doorstroom.finance.domain.FinanceCommands.PayAdvance;
import nl.doorstroom.finance.domain.FinanceCommands.SettleAdvance;
import nl.doorstroom.finance.domain.FinanceEvents.AdvancePaid;
import nl.doorstroom.finance.domain.FinanceEvents.AdvanceSchemeEstablished;
import nl.doorstroom.finance.domain.FinanceEvents.AdvanceSettled;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The incidental advance of € 100 million (III.14) to veiligheidsregio's and municipalities. One aggregate holds
 * the whole scheme, so the total paid out can never pass the amount agreed. Payments to a recipient settle its open
 * advance first. It is a prepayment from existing means, not part of the table (footnote 2).
 */
@Aggregate(cache = Snapshots.CACHE)
public class AdvanceScheme {

    public static final String ARTICLE = "III.14";
    /** Its aggregate id; not the bare article, which is the register's commitment of the same name. */
    public static final String ID = "voorschot:" + ARTICLE;

    @AggregateIdentifier
    private String schemeId;
    private BigDecimal total;
    private BigDecimal paidOut = Euros.ZERO;
    private final Map<String, BigDecimal> open = new HashMap<>();

    protected AdvanceScheme() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EstablishAdvanceScheme command) {
        if (schemeId == null) {
            apply(new AdvanceSchemeEstablished(command.schemeId(), Euros.positive(command.total(), "total"), command.occurredOn()));
        }
    }

    @CommandHandler
    public void handle(PayAdvance command) {
        Claimant recipient = Claimant.parse(command.recipient(), "recipient");
        if (recipient.kind() == Claimant.Kind.GGD) {
            throw new RuleViolation("recipient", "the advance is for veiligheidsregio's and municipalities");
        }
        BigDecimal amount = Euros.positive(command.amount(), "amount");
        if (paidOut.add(amount).compareTo(total) > 0) {
            throw new RuleViolation("amount", "the advance of " + total.toPlainString() + " has "
                    + total.subtract(paidOut).toPlainString() + " left, not " + amount.toPlainString());
        }
        apply(new AdvancePaid(schemeId, recipient.code(), amount, command.occurredOn()));
    }

    @CommandHandler
    public void handle(SettleAdvance command) {
        BigDecimal openNow = open.getOrDefault(command.recipient(), Euros.ZERO);
        BigDecimal settled = openNow.min(Euros.positive(command.amount(), "amount"));
        if (settled.signum() > 0) {
            apply(new AdvanceSettled(schemeId, command.recipient(), command.settledBy(), settled, openNow.subtract(settled),
                    command.occurredOn()));
        }
    }

    @EventSourcingHandler
    void on(AdvanceSchemeEstablished event) {
        this.schemeId = event.schemeId();
        this.total = event.total();
    }

    @EventSourcingHandler
    void on(AdvancePaid event) {
        paidOut = paidOut.add(event.amount());
        open.merge(event.recipient(), event.amount(), BigDecimal::add);
    }

    @EventSourcingHandler
    void on(AdvanceSettled event) {
        open.put(event.recipient(), event.open());
    }
}
