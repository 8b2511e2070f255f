package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountAmended;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountShifted;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLineRecorded;
import nl.doorstroom.finance.domain.Placement;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One budget line as its events make it: the agreed amounts with every later amendment and shift applied. */
public record BudgetLineState(String line, String title, List<String> articles, Placement placement, String footnote,
                              Map<Integer, BigDecimal> amounts, Set<Integer> structural, Integer continuesThrough,
                              BigDecimal continuingAmount, int changes) {

    public static BudgetLineState evolve(BudgetLineState s, Object event) {
        if (event instanceof BudgetLineRecorded e) {
            return new BudgetLineState(e.line(), e.title(), e.articles(), e.placement(), e.footnote(),
                    Collections.unmodifiableMap(new TreeMap<>(e.amounts())), e.structural(), e.continuesThrough(),
                    e.continuingAmount(), 0);
        }
        if (s == null) {
            return null;
        }
        if (event instanceof BudgetAmountAmended e) {
            Map<Integer, BigDecimal> next = new TreeMap<>(s.amounts());
            next.put(e.year(), e.amount());
            return s.withAmounts(next);
        }
        if (event instanceof BudgetAmountShifted e) {
            Map<Integer, BigDecimal> next = new TreeMap<>(s.amounts());
            next.merge(e.fromYear(), e.amount().negate(), BigDecimal::add);
            next.merge(e.toYear(), e.amount(), BigDecimal::add);
            return s.withAmounts(next);
        }
        return s;
    }

    private BudgetLineState withAmounts(Map<Integer, BigDecimal> next) {
        return new BudgetLineState(line, title, articles, placement, footnote, Collections.unmodifiableMap(next),
                structural, continuesThrough, continuingAmount, changes + 1);
    }
}
