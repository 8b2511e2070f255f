package nl.doorstroom.finance.projection;

import nl.doorstroom.platform.register.CommitmentMeasure;
import nl.doorstroom.platform.register.FigureEvents;
import nl.doorstroom.platform.register.Measurement;
import nl.doorstroom.platform.register.Measurement.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The register's figures for finance's money commitments: what was delivered as the article says, beside what is
 * budgeted and committed. Budgeted is never met: a line's money counts once it is paid (by a claim, a business case
 * or directly by the Rijk). Structural money is met when the structural amount has been paid for a year: II.9 the
 * BDUR's 83 million in 2026, the year it is built up to; III.10 and III.8 the 40 and 15 million of 2023, their first
 * year. The table as a whole (TABEL) has no target of the agreement's and shows its lines' money together.
 */
@Component
public class FinanceMeasure implements CommitmentMeasure {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final FinanceQueries queries;
    private final AdvanceRecords advances;

    public FinanceMeasure(FinanceQueries queries, AdvanceRecords advances) {
        this.queries = queries;
        this.advances = advances;
    }

    @Override
    public Optional<BigDecimal> actual(String ref) {
        return measurement(ref).map(Measurement::actual);
    }

    @Override
    public Optional<Measurement> measurement(String ref) {
        return switch (ref) {
            case "TABEL" -> Optional.of(money("paid from the table's lines, every year; beside it what they budget"
                    + " (as amended and shifted) and commit", queries.tableLines(), p -> true));
            case "II.4" -> Optional.of(money("paid from HUISVESTINGSPAKKET, every year (business cases and direct"
                    + " payments)", Set.of("HUISVESTINGSPAKKET"), p -> true));
            case "II.8.7" -> Optional.of(money("paid from INBURGERING in 2022, 2023 and 2024",
                    Set.of("INBURGERING"), p -> p.year() >= 2022 && p.year() <= 2024));
            case "II.9" -> Optional.of(money("BDUR paid for 2026, when the addition is built up to 83 million;"
                    + " beside it the BDUR's money of every year", Set.of("BDUR"), p -> p.year() == 2026));
            case "III.10" -> Optional.of(money("OPVANG_AMV paid for 2023, the first year of the structural 40 million;"
                    + " beside it every year's", Set.of("OPVANG_AMV"), p -> p.year() == 2023));
            case "III.8" -> Optional.of(money("PROJECT_OVERLASTGEVERS paid for 2023, the first year of the structural"
                    + " 15 million; beside it every year's", Set.of("PROJECT_OVERLASTGEVERS"), p -> p.year() == 2023));
            case "III.14" -> {
                List<AdvanceState> recipients = advances.findAll().stream().map(AdvanceRecord::state).toList();
                BigDecimal paid = recipients.stream().map(AdvanceState::paid).reduce(ZERO, BigDecimal::add);
                BigDecimal settled = recipients.stream().map(AdvanceState::settled).reduce(ZERO, BigDecimal::add);
                yield Optional.of(Measurement.ofMoney(paid, "advance paid: AdvancePaid summed over every recipient",
                        FigureEvents.merge(recipients.stream().map(AdvanceState::paidMovedBy).toList()),
                        new Money(FinanceQueries.ADVANCE_TOTAL, paid, paid, settled)));
            }
            default -> Optional.empty();
        };
    }

    /**
     * {@code actual}: paid in the positions of {@code lines} that {@code counted} selects; the money beside it over
     * all their years.
     */
    private Measurement money(String description, Set<String> lines, Predicate<FinanceQueries.BudgetPosition> counted) {
        List<FinanceQueries.BudgetPosition> all = queries.budgetPositions().stream().filter(p -> lines.contains(p.line())).toList();
        BigDecimal paid = all.stream().filter(counted).map(FinanceQueries.BudgetPosition::paid).reduce(ZERO, BigDecimal::add);
        Money money = new Money(
                all.stream().map(FinanceQueries.BudgetPosition::budget).filter(b -> b != null).reduce(ZERO, BigDecimal::add),
                all.stream().map(FinanceQueries.BudgetPosition::committed).reduce(ZERO, BigDecimal::add),
                all.stream().map(FinanceQueries.BudgetPosition::paid).reduce(ZERO, BigDecimal::add), null);
        // which payments moved the figure is not kept per position (null: the register names no events)
        return Measurement.ofMoney(paid, description, null, money);
    }
}
