package nl.doorstroom.finance.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The money as Prometheus gauges, refreshed from the read models every few seconds: budget, committed and paid per
 * line and year, claims per region and status, the advance per recipient, business cases per status.
 */
@Component
public class FinanceGauges {

    private final FinanceQueries queries;
    private final MultiGauge budget;
    private final MultiGauge committed;
    private final MultiGauge paid;
    private final MultiGauge overrun;
    private final MultiGauge claims;
    private final MultiGauge claimAmounts;
    private final MultiGauge advanceOpen;
    private final MultiGauge advancePaid;
    private final MultiGauge businessCases;

    public FinanceGauges(FinanceQueries queries, MeterRegistry meters) {
        this.queries = queries;
        this.budget = MultiGauge.builder("doorstroom.finance.budget").baseUnit("euros")
                .description("Budget of a line of the financial table in a year, as amended").register(meters);
        this.committed = MultiGauge.builder("doorstroom.finance.committed").baseUnit("euros")
                .description("Approved claims and business cases and direct payments charged to a line in a year").register(meters);
        this.paid = MultiGauge.builder("doorstroom.finance.paid").baseUnit("euros")
                .description("Claims, business cases and direct payments paid from a line in a year").register(meters);
        this.overrun = MultiGauge.builder("doorstroom.finance.overrun").baseUnit("euros")
                .description("Committed beyond a line's budget in a year, 0 within it; the ministry decides on an overrun").register(meters);
        this.claims = MultiGauge.builder("doorstroom.finance.claims")
                .description("Claims per veiligheidsregio and status").register(meters);
        this.claimAmounts = MultiGauge.builder("doorstroom.finance.claims.amount").baseUnit("euros")
                .description("Amount of the claims per veiligheidsregio and status (claimed, approved or paid)").register(meters);
        this.advanceOpen = MultiGauge.builder("doorstroom.finance.advance.open").baseUnit("euros")
                .description("Advance (III.14) paid to a recipient and not yet settled against its claims").register(meters);
        this.advancePaid = MultiGauge.builder("doorstroom.finance.advance.paid").baseUnit("euros")
                .description("Advance (III.14) paid to a recipient").register(meters);
        this.businessCases = MultiGauge.builder("doorstroom.finance.business.cases")
                .description("Business cases (III.9) per status; assessed_late counts those assessed after 72 hours").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${doorstroom.finance.gauge-refresh:5s}", initialDelayString = "${doorstroom.finance.gauge-refresh:5s}")
    public void refresh() {
        List<MultiGauge.Row<?>> budgetRows = new ArrayList<>();
        List<MultiGauge.Row<?>> committedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> paidRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overrunRows = new ArrayList<>();
        for (FinanceQueries.BudgetPosition p : queries.budgetPositions()) {
            Tags tags = Tags.of("line", p.line(), "year", String.valueOf(p.year()));
            if (p.budget() != null) {
                budgetRows.add(MultiGauge.Row.of(tags, p.budget()));
            }
            if (p.overrun() != null) {
                overrunRows.add(MultiGauge.Row.of(tags, p.overrun()));
            }
            committedRows.add(MultiGauge.Row.of(tags, p.committed()));
            paidRows.add(MultiGauge.Row.of(tags, p.paid()));
        }
        budget.register(budgetRows, true);
        committed.register(committedRows, true);
        paid.register(paidRows, true);
        overrun.register(overrunRows, true);

        List<MultiGauge.Row<?>> claimRows = new ArrayList<>();
        List<MultiGauge.Row<?>> claimAmountRows = new ArrayList<>();
        queries.claimsPipeline().forEach((region, perStatus) -> perStatus.forEach((status, tally) -> {
            Tags tags = Tags.of("veiligheidsregio", region, "status", status.name());
            claimRows.add(MultiGauge.Row.of(tags, tally.count()));
            claimAmountRows.add(MultiGauge.Row.of(tags, tally.amount()));
        }));
        claims.register(claimRows, true);
        claimAmounts.register(claimAmountRows, true);

        var advance = queries.advance();
        advanceOpen.register(advance.recipients().stream()
                .map(a -> MultiGauge.Row.of(Tags.of("recipient", a.recipient()), a.open())).toList(), true);
        advancePaid.register(advance.recipients().stream()
                .map(a -> MultiGauge.Row.of(Tags.of("recipient", a.recipient()), a.paid())).toList(), true);

        var cases = queries.businessCases();
        List<MultiGauge.Row<?>> caseRows = new ArrayList<>();
        cases.stream().collect(java.util.stream.Collectors.groupingBy(c -> c.status().name(), java.util.stream.Collectors.counting()))
                .forEach((status, count) -> caseRows.add(MultiGauge.Row.of(Tags.of("status", status), count)));
        caseRows.add(MultiGauge.Row.of(Tags.of("status", "assessed_late"),
                cases.stream().filter(c -> Boolean.FALSE.equals(c.assessedInTime())).count()));
        businessCases.register(caseRows, true);
    }
}
