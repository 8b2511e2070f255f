package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.Placement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "Tabel financiële middelen" as the events make it: lines × years in euros (null where the agreement prints "-"),
 * the per-year totals computed over the table's lines, the lines shown apart, and the footnotes.
 */
public record FinancialTable(Instant knownAt, LocalDate validAt, List<Integer> years, List<Row> lines,
                             Map<Integer, BigDecimal> totals, List<Row> apart, List<Row> reimbursements) {

    public record Row(String line, String title, List<String> articles, String footnote, Map<Integer, BigDecimal> amounts,
                      List<Integer> structural, Integer continuesThrough, BigDecimal continuingAmount, int changes) {
    }

    static FinancialTable of(List<BudgetLineState> states, Instant knownAt, LocalDate validAt) {
        SortedSet<Integer> years = new TreeSet<>();
        states.stream().filter(s -> s.placement() != Placement.REIMBURSEMENT).forEach(s -> years.addAll(s.amounts().keySet()));
        List<Row> lines = new ArrayList<>();
        List<Row> apart = new ArrayList<>();
        List<Row> reimbursements = new ArrayList<>();
        Map<Integer, BigDecimal> totals = new TreeMap<>();
        years.forEach(y -> totals.put(y, BigDecimal.ZERO.setScale(2)));
        for (BudgetLineState s : states) {
            Map<Integer, BigDecimal> cells = new LinkedHashMap<>();
            years.forEach(y -> cells.put(y, s.amounts().get(y)));
            Row row = new Row(s.line(), s.title(), s.articles(), s.footnote(), cells,
                    s.structural() == null ? List.of() : new TreeSet<>(s.structural()).stream().toList(),
                    s.continuesThrough(), s.continuingAmount(), s.changes());
            switch (s.placement()) {
                case TABLE -> {
                    lines.add(row);
                    s.amounts().forEach((y, amount) -> totals.merge(y, amount, BigDecimal::add));
                }
                case APART -> apart.add(row);
                case REIMBURSEMENT -> reimbursements.add(row);
            }
        }
        return new FinancialTable(knownAt, validAt, List.copyOf(years), lines, totals, apart, reimbursements);
    }

    /** The table's amount for a line and year, zero where it has none. */
    public BigDecimal amount(String line, int year) {
        return lines.stream().filter(r -> r.line().equals(line)).findFirst()
                .map(r -> r.amounts().get(year)).orElse(BigDecimal.ZERO.setScale(2));
    }

    public BigDecimal grandTotal() {
        return totals.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
