package nl.doorstroom.deadline.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import nl.doorstroom.deadline.domain.DeadlineStatus;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code doorstroom_deadlines{state,party}}: deadlines per status and owner party, refreshed from the read model
 * every few seconds (a scrape never waits for the database). Every status is present, zero included, so an alert
 * on missed deadlines has a series to compare against.
 */
@Component
public class DeadlineGauges {

    private final DeadlineQueries queries;
    private final MultiGauge deadlines;

    public DeadlineGauges(DeadlineQueries queries, MeterRegistry meters) {
        this.queries = queries;
        this.deadlines = MultiGauge.builder("doorstroom.deadlines").baseUnit("deadlines")
                .description("Dated commitments per status and owner party; one owed jointly counts for each party")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${doorstroom.deadline.gauge-refresh:5s}", initialDelayString = "${doorstroom.deadline.gauge-refresh:5s}")
    public void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        queries.countsPerParty().forEach((party, counts) -> {
            for (DeadlineStatus status : DeadlineStatus.values()) {
                rows.add(MultiGauge.Row.of(Tags.of("state", status.name().toLowerCase(), "party", party),
                        counts.getOrDefault(status, 0L)));
            }
        });
        deadlines.register(rows, true);
    }
}
