package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseApproved;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCasePaid;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimApproved;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimPaid;

import java.math.BigDecimal;

/** What is committed (approved) and paid against a budget line in a year. */
public record BudgetPositionState(String line, int year, BigDecimal committed, BigDecimal paid) {

    public static String positionOf(Object event) {
        if (event instanceof ClaimApproved e) return id(e.line(), e.year());
        if (event instanceof ClaimPaid e) return id(e.line(), e.year());
        if (event instanceof BusinessCaseApproved e) return id(e.line(), e.year());
        if (event instanceof BusinessCasePaid e) return id(e.line(), e.year());
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
        return s;
    }

    private static BudgetPositionState base(BudgetPositionState s, String line, int year) {
        return s != null ? s : new BudgetPositionState(line, year, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
    }

    private BudgetPositionState committing(BigDecimal amount) {
        return new BudgetPositionState(line, year, committed.add(amount), paid);
    }

    private BudgetPositionState paying(BigDecimal amount) {
        return new BudgetPositionState(line, year, committed, paid.add(amount));
    }
}
