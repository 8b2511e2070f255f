package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.AmendBudgetAmount;
import nl.doorstroom.finance.domain.FinanceCommands.ChargeBudgetLine;
import nl.doorstroom.finance.domain.FinanceCommands.PayFromBudgetLine;
import nl.doorstroom.finance.domain.FinanceCommands.RecordBudgetLine;
import nl.doorstroom.finance.domain.FinanceCommands.ShiftBudgetAmount;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountAmended;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountShifted;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLineCharged;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLinePaymentMade;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLineRecorded;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetOverrunRecorded;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One line of the financial table (or a reimbursement line beside it). It is recorded once as agreed; every later
 * change is an amendment or a shift of its own, so the table as known on any earlier moment stays answerable.
 * <p>
 * The line also keeps what is committed against each year of it: approved claims and business cases (charged to it
 * in the approval's transaction) and the Rijk's direct payments. Commitments beyond a year's budget are never
 * refused: each one that goes over, and each amendment or shift that leaves less than is committed, records a
 * {@link BudgetOverrunRecorded} for the ministry to decide on. Lines reimbursed in full have no budget to exceed.
 */
@Aggregate(cache = Snapshots.CACHE)
public class BudgetLine {

    static final int FIRST_YEAR = 2022;
    static final int LAST_YEAR = 2040;
    /** Who the Rijk pays from a line: a veiligheidsregio, municipality or province by its code, or an executing body. */
    public static final String RECIPIENT = "VR(0[1-9]|1[0-9]|2[0-5])|GM[0-9]{4}|PV(2[0-9]|3[01])|COA|IND|NIDOS|RVB";

    @AggregateIdentifier
    private String line;
    private Placement placement;
    private Set<Spending> spentThrough = Set.of();
    private final Map<Integer, BigDecimal> amounts = new TreeMap<>();
    private final Map<Integer, BigDecimal> committed = new TreeMap<>();
    private final Set<String> charges = new HashSet<>();

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
                command.spentThrough() == null ? Set.of() : Set.copyOf(command.spentThrough()),
                command.claimCategories() == null ? Set.of() : Set.copyOf(command.claimCategories()), command.occurredOn()));
        return true;
    }

    @CommandHandler
    public void handle(PayFromBudgetLine command) {
        if (!spentThrough.contains(Spending.DIRECT_PAYMENT)) {
            throw new RuleViolation("line", line + " is not paid out directly by the Rijk"
                    + (spentThrough.isEmpty() ? "; nothing is spent from it" : "; it is spent through " + spentThrough));
        }
        int year = checkedYear(command.year(), "year");
        BigDecimal amount = Euros.positive(command.amount(), "amount");
        if (command.recipient() == null || !command.recipient().matches(RECIPIENT)) {
            throw new RuleViolation("recipient", "a payment goes to a veiligheidsregio (VR01), municipality (GM0363),"
                    + " province (PV27) or COA, IND, Nidos or the RVB (COA, IND, NIDOS, RVB): " + command.recipient());
        }
        if (charges.contains(command.paymentId())) {
            return;
        }
        BigDecimal after = committedIn(year).add(amount);
        apply(new BudgetLinePaymentMade(line, year, command.paymentId(), command.recipient(), amount,
                command.description(), after, command.occurredOn()));
        noteOverrun(year, command.paymentId(), command.occurredOn());
    }

    /** Idempotent per charge: the approval's transaction retried on a newer state charges its claim once. */
    @CommandHandler
    public void handle(ChargeBudgetLine command) {
        if (placement == Placement.REIMBURSEMENT || charges.contains(command.chargeId())) {
            return;
        }
        apply(new BudgetLineCharged(line, command.year(), command.chargeId(), command.amount(),
                committedIn(command.year()).add(command.amount()), command.occurredOn()));
        noteOverrun(command.year(), command.chargeId(), command.occurredOn());
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
        noteOverrun(year, "amendment of " + year, command.occurredOn());
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
        noteOverrun(from, "shift from " + from + " to " + to, command.occurredOn());
    }

    private void noteOverrun(int year, String cause, LocalDate occurredOn) {
        BigDecimal budget = amounts.getOrDefault(year, Euros.ZERO);
        BigDecimal inYear = committedIn(year);
        if (placement != Placement.REIMBURSEMENT && inYear.compareTo(budget) > 0) {
            apply(new BudgetOverrunRecorded(line, year, budget, inYear, inYear.subtract(budget), cause, occurredOn));
        }
    }

    private BigDecimal committedIn(int year) {
        return committed.getOrDefault(year, Euros.ZERO);
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
        this.spentThrough = event.spentThrough() != null ? event.spentThrough()
                : AgreementTable.agreed().line(event.line()).map(AgreementTable.Line::spentThrough).orElse(Set.of());
        this.amounts.putAll(event.amounts());
    }

    @EventSourcingHandler
    void on(BudgetLinePaymentMade event) {
        committed.merge(event.year(), event.amount(), BigDecimal::add);
        charges.add(event.paymentId());
    }

    @EventSourcingHandler
    void on(BudgetLineCharged event) {
        committed.merge(event.year(), event.amount(), BigDecimal::add);
        charges.add(event.chargeId());
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
