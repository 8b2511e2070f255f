package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.FinanceEvents.AdvancePaid;
import nl.doorstroom.finance.domain.FinanceEvents.AdvanceSettled;
import nl.doorstroom.platform.register.EventRef;
import nl.doorstroom.platform.register.FigureEvents;

import java.math.BigDecimal;

/**
 * A recipient's part of the advance (III.14): paid to it, settled against its claims and business cases, open. The
 * projection stores {@link #evolveNoting}: {@link #evolve}, also keeping in {@code paidMovedBy} the events that
 * changed {@code paid}, which the register names behind the measured figure (null: not known, in a fold without the
 * events' references and in a row stored before it was kept, until a rebuild).
 */
public record AdvanceState(String recipient, BigDecimal paid, BigDecimal settled, FigureEvents paidMovedBy) {

    public static String recipientOf(Object event) {
        if (event instanceof AdvancePaid e) return e.recipient();
        if (event instanceof AdvanceSettled e) return e.recipient();
        return null;
    }

    /** {@link #evolve(AdvanceState, Object)}, noting {@code at} when the event changed {@code paid}. */
    public static AdvanceState evolveNoting(AdvanceState s, Object event, EventRef at) {
        AdvanceState next = evolve(s, event);
        if (next == null) {
            return null;
        }
        BigDecimal paid = s == null ? BigDecimal.ZERO : s.paid;
        return new AdvanceState(next.recipient, next.paid, next.settled,
                FigureEvents.after(s == null ? FigureEvents.NONE : s.paidMovedBy, paid.compareTo(next.paid) != 0, at));
    }

    public static AdvanceState evolve(AdvanceState s, Object event) {
        if (event instanceof AdvancePaid e) {
            return s == null ? new AdvanceState(e.recipient(), e.amount(), e.amount().subtract(e.amount()), null)
                    : new AdvanceState(s.recipient, s.paid.add(e.amount()), s.settled, s.paidMovedBy);
        }
        if (event instanceof AdvanceSettled e && s != null) {
            return new AdvanceState(s.recipient, s.paid, s.settled.add(e.amount()), s.paidMovedBy);
        }
        return s;
    }

    public BigDecimal open() {
        return paid.subtract(settled);
    }
}
