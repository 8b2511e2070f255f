package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.FinanceEvents.BudgetLinePaymentMade;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetOverrunRecorded;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseApproved;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCasePaid;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimApproved;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimPaid;
import nl.doorstroom.platform.register.EventRef;
import nl.doorstroom.platform.register.FigureEvents;

import java.math.BigDecimal;

/**
 * What is committed (approved, or paid directly) and paid against a budget line in a year, and how many overruns
 * the line recorded in it. The projection stores {@link #evolveNoting}, which also keeps in {@code paidMovedBy} the
 * events that changed {@code paid}, the register's reason for a money commitment's figure (null: not known, in a
 * fold without references and in rows stored before it was kept, until a rebuild).
 */
public record BudgetPositionState(String line, int year, BigDecimal committed, BigDecimal paid, int overruns,
                                  FigureEvents paidMovedBy) {

    public static String positionOf(Object event) {
        if (event instanceof ClaimApproved e) return id(e.line(), e.year());
        if (event instanceof ClaimPaid e) return id(e.line(), e.year());
        if (event instanceof BusinessCaseApproved e) return id(e.line(), e.year());
        if (event instanceof BusinessCasePaid e) return id(e.line(), e.year());
        if (event instanceof BudgetLinePaymentMade e) return id(e.line(), e.year());
        if (event instanceof BudgetOverrunRecorded e) return id(e.line(), e.year());
        return null;
    }

    static String id(String line, int year) {
        return line + "/" + year;
    }

    /** {@link #evolve}, noting {@code at} when the event changed {@code paid}. */
    public static BudgetPositionState evolveNoting(BudgetPositionState s, Object event, EventRef at) {
        BudgetPositionState next = evolve(s, event);
        if (next == null) {
            return null;
        }
        BigDecimal paid = s == null ? BigDecimal.ZERO : s.paid;
        FigureEvents kept = s == null ? FigureEvents.NONE : s.paidMovedBy;
        return next.withPaidMovedBy(FigureEvents.after(kept, paid.compareTo(next.paid) != 0, at));
    }

    public static BudgetPositionState evolve(BudgetPositionState s, Object event) {
        if (event instanceof ClaimApproved e) return base(s, e.line(), e.year()).committing(e.approved());
        if (event instanceof BusinessCaseApproved e) return base(s, e.line(), e.year()).committing(e.approved());
        if (event instanceof ClaimPaid e) return base(s, e.line(), e.year()).paying(e.amount());
        if (event instanceof BusinessCasePaid e) return base(s, e.line(), e.year()).paying(e.amount());
        if (event instanceof BudgetLinePaymentMade e) return base(s, e.line(), e.year()).committing(e.amount()).paying(e.amount());
        if (event instanceof BudgetOverrunRecorded e) {
            BudgetPositionState b = base(s, e.line(), e.year());
            return new BudgetPositionState(b.line, b.year, b.committed, b.paid, b.overruns + 1, b.paidMovedBy);
        }
        return s;
    }

    private static BudgetPositionState base(BudgetPositionState s, String line, int year) {
        return s != null ? s : new BudgetPositionState(line, year, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0, null);
    }

    private BudgetPositionState committing(BigDecimal amount) {
        return new BudgetPositionState(line, year, committed.add(amount), paid, overruns, paidMovedBy);
    }

    private BudgetPositionState paying(BigDecimal amount) {
        return new BudgetPositionState(line, year, committed, paid.add(amount), overruns, paidMovedBy);
    }

    private BudgetPositionState withPaidMovedBy(FigureEvents movedBy) {
        return new BudgetPositionState(line, year, committed, paid, overruns, movedBy);
    }
}
