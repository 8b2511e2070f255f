package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.AmendBudgetAmount;
import nl.doorstroom.finance.domain.FinanceCommands.RecordBudgetLine;
import nl.doorstroom.finance.domain.FinanceCommands.ShiftBudgetAmount;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountAmended;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountShifted;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLineRecorded;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One line of the financial table (or a reimbursement line beside it). It is recorded once as agreed; every later
 * change is an amendment or a shift of its own, so the table as known on any earlier moment stays answerable.
 */
@Aggregate(cache = Snapshots.CACHE)
public class BudgetLine {

    static final int FIRST_YEAR = 2022;
    static final int LAST_YEAR = 2040;

    @AggregateIdentifier
    private String line;
    private Placement placement;
    private final Map<Integer, BigDecimal> amounts = new TreeMap<>();

    protected BudgetLine() {
    }

    /** Recording the agreed line is idempotent: once recorded, the agreement's line is never re-recorded. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordBudgetLine command) {
        if (line != null) {
            return false;
        }
        if (command.line() == null || !command.line().matches("[A-Z][A-Z0-9_]{1,63}")) {
            throw new RuleViolation("line", "a budget line is named in capitals, e.g. BDUR: " + command.line());
        }
        Map<Integer, BigDecimal> euros = new TreeMap<>();
        command.amounts().forEach((year, amount) -> euros.put(checkedYear(year, "amounts"), Euros.of(amount, "amounts")));
        apply(new BudgetLineRecorded(command.line(), command.title(), command.articles(), command.placement(),
                command.footnote(), euros, command.structural(), command.continuesThrough(),
                command.continuingAmount() == null ? null : Euros.of(command.continuingAmount(), "continuingAmount"),
                command.occurredOn()));
        return true;
    }

    @CommandHandler
    public void handle(AmendBudgetAmount command) {
        requireBudgeted();
        int year = checkedYear(command.year(), "year");
        BigDecimal amount = Euros.of(command.amount(), "amount");
        requireReason(command.reason());
        BigDecimal previous = amounts.get(year);
        if (previous != null && amount.compareTo(previous) == 0) {
            throw new RuleViolation("amount", line + " " + year + " is already " + amount.toPlainString());
        }
        apply(new BudgetAmountAmended(line, year, previous, amount, command.reason(), command.occurredOn()));
    }

    @CommandHandler
    public void handle(ShiftBudgetAmount command) {
        requireBudgeted();
        int from = checkedYear(command.fromYear(), "fromYear");
        int to = checkedYear(command.toYear(), "toYear");
        if (from == to) {
            throw new RuleViolation("toYear", "a shift moves an amount to another year");
        }
        BigDecimal amount = Euros.positive(command.amount(), "amount");
        BigDecimal available = amounts.getOrDefault(from, Euros.ZERO);
        if (available.signum() >= 0 && amount.compareTo(available) > 0) {
            throw new RuleViolation("amount", "cannot shift " + amount.toPlainString() + " out of " + line + " " + from
                    + ", which holds " + available.toPlainString());
        }
        requireReason(command.reason());
        apply(new BudgetAmountShifted(line, from, to, amount, command.reason(), command.occurredOn()));
    }

    private void requireBudgeted() {
        if (placement == Placement.REIMBURSEMENT) {
            throw new RuleViolation("line", line + " reimburses costs in full and has no amounts to amend");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason", "a change to the agreed table names its reason (the decision behind it)");
        }
    }

    private static int checkedYear(Integer year, String field) {
        if (year == null || year < FIRST_YEAR || year > LAST_YEAR) {
            throw new RuleViolation(field, "a budget year lies between " + FIRST_YEAR + " and " + LAST_YEAR + ": " + year);
        }
        return year;
    }

    @EventSourcingHandler
    void on(BudgetLineRecorded event) {
        this.line = event.line();
        this.placement = event.placement();
        this.amounts.putAll(event.amounts());
    }

    @EventSourcingHandler
    void on(BudgetAmountAmended event) {
        amounts.put(event.year(), event.amount());
    }

    @EventSourcingHandler
    void on(BudgetAmountShifted event) {
        amounts.merge(event.fromYear(), event.amount().negate(), BigDecimal::add);
        amounts.merge(event.toYear(), event.amount(), BigDecimal::add);
    }
}
