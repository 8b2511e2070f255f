package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.AdvanceScheme;
import nl.doorstroom.finance.domain.Claim;
import nl.doorstroom.platform.domain.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Answers from the finance read models (claims, business cases, advance) and the table's fold. */
@Component
@Transactional(readOnly = true)
public class FinanceQueries {

    /** III.14: € 100 million. */
    public static final BigDecimal ADVANCE_TOTAL = new BigDecimal("100000000.00");

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final TableQueries table;
    private final ClaimRecords claims;
    private final BusinessCaseRecords businessCases;
    private final AdvanceRecords advances;
    private final BudgetPositionRecords positions;

    public FinanceQueries(TableQueries table, ClaimRecords claims, BusinessCaseRecords businessCases,
                          AdvanceRecords advances, BudgetPositionRecords positions) {
        this.table = table;
        this.claims = claims;
        this.businessCases = businessCases;
        this.advances = advances;
        this.positions = positions;
    }

    /**
     * {@code remaining} is the budget less what is committed, {@code overrun} what is committed beyond it (both null
     * for lines reimbursed in full, which have no budget); {@code overrunsRecorded} counts the line's
     * {@code BudgetOverrunRecorded} events for the year, each a commitment or change that went over.
     */
    public record BudgetPosition(String line, int year, BigDecimal budget, BigDecimal committed, BigDecimal paid,
                                 BigDecimal remaining, BigDecimal overrun, int overrunsRecorded) {
    }

    /** Per line and year: the budget in the table as amended (null for lines reimbursed in full), committed and paid. */
    public List<BudgetPosition> budgetPositions() {
        FinancialTable current = table.table(null, null);
        Map<String, BudgetPositionState> spent = positions.findAll().stream().map(BudgetPositionRecord::state)
                .collect(Collectors.toMap(s -> BudgetPositionState.id(s.line(), s.year()), s -> s));
        List<BudgetPosition> result = new ArrayList<>();
        List<FinancialTable.Row> rows = new ArrayList<>(current.lines());
        rows.addAll(current.apart());
        rows.addAll(current.reimbursements());
        Set<String> reimbursed = current.reimbursements().stream().map(FinancialTable.Row::line).collect(Collectors.toSet());
        for (FinancialTable.Row row : rows) {
            TreeSet<Integer> years = new TreeSet<>(row.amounts().keySet());
            spent.values().stream().filter(s -> s.line().equals(row.line())).forEach(s -> years.add(s.year()));
            for (int year : years) {
                BudgetPositionState s = spent.get(BudgetPositionState.id(row.line(), year));
                BigDecimal committed = s == null ? ZERO : s.committed();
                BigDecimal budget = reimbursed.contains(row.line()) ? null
                        : row.amounts().get(year) == null ? ZERO : row.amounts().get(year);
                result.add(new BudgetPosition(row.line(), year, row.amounts().get(year), committed,
                        s == null ? ZERO : s.paid(), budget == null ? null : budget.subtract(committed),
                        budget == null ? null : committed.subtract(budget).max(ZERO), s == null ? 0 : s.overruns()));
            }
        }
        return result;
    }

    /** The lines that make up the table and its totals (placement TABLE). */
    public Set<String> tableLines() {
        return table.table(null, null).lines().stream().map(FinancialTable.Row::line).collect(Collectors.toSet());
    }

    public record Tally(long count, BigDecimal amount) {
    }

    /** Per veiligheidsregio, per claim status: how many claims and how much (claimed, approved or paid). */
    public Map<String, Map<Claim.Status, Tally>> claimsPipeline() {
        Map<String, Map<Claim.Status, Tally>> pipeline = new TreeMap<>();
        for (ClaimRecord record : claims.findAll()) {
            ClaimState c = record.state();
            BigDecimal amount = switch (c.status()) {
                case SUBMITTED, REJECTED -> c.claimed();
                case APPROVED -> c.approved();
                case PAID -> c.paid();
            };
            pipeline.computeIfAbsent(c.veiligheidsregio(), r -> new EnumMap<>(Claim.Status.class))
                    .merge(c.status(), new Tally(1, amount), (a, b) -> new Tally(a.count + b.count, a.amount.add(b.amount)));
        }
        return pipeline;
    }

    public List<ClaimState> claims(String veiligheidsregio) {
        return claims.findAll().stream().map(ClaimRecord::state)
                .filter(c -> veiligheidsregio == null || veiligheidsregio.equals(c.veiligheidsregio()))
                .sorted(Comparator.comparing(ClaimState::submittedOn).thenComparing(ClaimState::claimId))
                .toList();
    }

    public ClaimState claim(String claimId) {
        return claims.findById(claimId).map(ClaimRecord::state)
                .orElseThrow(() -> new NotFoundException("no claim " + claimId));
    }

    public record AdvanceBalance(String recipient, BigDecimal paid, BigDecimal settled, BigDecimal open) {
    }

    public record AdvanceOverview(String article, BigDecimal total, BigDecimal paid, BigDecimal settled, BigDecimal open,
                                  List<AdvanceBalance> recipients) {
    }

    public AdvanceOverview advance() {
        List<AdvanceBalance> balances = advances.findAll().stream().map(AdvanceRecord::state)
                .map(a -> new AdvanceBalance(a.recipient(), a.paid(), a.settled(), a.open()))
                .sorted(Comparator.comparing(AdvanceBalance::recipient)).toList();
        BigDecimal paid = balances.stream().map(AdvanceBalance::paid).reduce(ZERO, BigDecimal::add);
        BigDecimal settled = balances.stream().map(AdvanceBalance::settled).reduce(ZERO, BigDecimal::add);
        return new AdvanceOverview(AdvanceScheme.ARTICLE, ADVANCE_TOTAL, paid, settled, paid.subtract(settled), balances);
    }

    public AdvanceBalance advanceOf(String recipient) {
        return advances.findById(recipient).map(AdvanceRecord::state)
                .map(a -> new AdvanceBalance(a.recipient(), a.paid(), a.settled(), a.open()))
                .orElseThrow(() -> new NotFoundException("no advance was paid to " + recipient));
    }

    public List<BusinessCaseState> businessCases() {
        return businessCases.findAll().stream().map(BusinessCaseRecord::state)
                .sorted(Comparator.comparing(BusinessCaseState::submittedAt)).toList();
    }

    public BusinessCaseState businessCase(String id) {
        return businessCases.findById(id).map(BusinessCaseRecord::state)
                .orElseThrow(() -> new NotFoundException("no business case " + id));
    }
}
