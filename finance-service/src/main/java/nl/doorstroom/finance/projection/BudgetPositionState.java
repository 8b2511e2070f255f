package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.FinanceEvents.BudgetLinePaymentMade;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetOverrunRecorded;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseApproved;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCasePaid;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimApproved;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimPaid;

import java.math.BigDecimal;

/**
 * What is committed (approved, or paid directly) and paid against a budget line in a year, and how many overruns
 * the line recorded in it.
 */
public record BudgetPositionState(String line, int year, BigDecimal committed, BigDecimal paid, int overruns) {

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

    public static BudgetPositionState evolve(BudgetPositionState s, Object event) {
        if (event instanceof ClaimApproved e) return base(s, e.line(), e.year()).committing(e.approved());
        if (event instanceof BusinessCaseApproved e) return base(s, e.line(), e.year()).committing(e.approved());
        if (event instanceof ClaimPaid e) return base(s, e.line(), e.year()).paying(e.amount());
        if (event instanceof BusinessCasePaid e) return base(s, e.line(), e.year()).paying(e.amount());
        if (event instanceof BudgetLinePaymentMade e) return base(s, e.line(), e.year()).committing(e.amount()).paying(e.amount());
        if (event instanceof BudgetOverrunRecorded e) {
            BudgetPositionState b = base(s, e.line(), e.year());
            return new BudgetPositionState(b.line, b.year, b.committed, b.paid, b.overruns + 1);
        }
        return s;
    }

    private static BudgetPositionState base(BudgetPositionState s, String line, int year) {
        return s != null ? s : new BudgetPositionState(line, year, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0);
    }

    private BudgetPositionState committing(BigDecimal amount) {
        return new BudgetPositionState(line, year, committed.add(amount), paid, overruns);
    }

    private BudgetPositionState paying(BigDecimal amount) {
        return new BudgetPositionState(line, year, committed, paid.add(amount), overruns);
    }
}
