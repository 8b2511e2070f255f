package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.FinanceEvents.AdvancePaid;
import nl.doorstroom.finance.domain.FinanceEvents.AdvanceSettled;

import java.math.BigDecimal;

/** A recipient's part of the advance (III.14): paid to it, settled against its claims and business cases, open. */
public record AdvanceState(String recipient, BigDecimal paid, BigDecimal settled) {

    public static String recipientOf(Object event) {
        if (event instanceof AdvancePaid e) return e.recipient();
        if (event instanceof AdvanceSettled e) return e.recipient();
        return null;
    }

    public static AdvanceState evolve(AdvanceState s, Object event) {
        if (event instanceof AdvancePaid e) {
            return s == null ? new AdvanceState(e.recipient(), e.amount(), e.amount().subtract(e.amount()))
                    : new AdvanceState(s.recipient, s.paid.add(e.amount()), s.settled);
        }
        if (event instanceof AdvanceSettled e && s != null) {
            return new AdvanceState(s.recipient, s.paid, s.settled.add(e.amount()));
        }
        return s;
    }

    public BigDecimal open() {
        return paid.subtract(settled);
    }
}
