package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingCommands.RecordVergunningen;
import nl.doorstroom.housing.domain.HousingEvents.VergunningenVerleend;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The residence permits IND granted in one ISO week. New vergunninghouders wait in reception until COA links them
 * to a municipality (III.12: almost 16,000 were waiting in August 2022). A corrected report replaces the week's counts.
 */
@Aggregate(cache = Snapshots.CACHE)
public class VergunningenWeek {

    public static final String WEEK_FORMAT = "^20[0-9]{2}-W(0[1-9]|[1-4][0-9]|5[0-3])$";

    @AggregateIdentifier
    private String week;
    private Map<VergunningType, Integer> counts;

    protected VergunningenWeek() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordVergunningen command) {
        if (command.week() == null || !command.week().matches(WEEK_FORMAT)) {
            throw new RuleViolation("week", "week " + command.week() + " is not an ISO week such as 2022-W35");
        }
        if (command.counts() == null || command.counts().isEmpty()
                || command.counts().values().stream().anyMatch(n -> n == null || n < 0)) {
            throw new RuleViolation("counts", "counts per permit type cannot be missing or negative");
        }
        Map<VergunningType, Integer> reported = new EnumMap<>(command.counts());
        if (reported.equals(counts)) {
            return;
        }
        apply(new VergunningenVerleend(command.week(), Map.copyOf(reported), command.occurredOn()));
    }

    @EventSourcingHandler
    void on(VergunningenVerleend event) {
        this.week = event.week();
        this.counts = new EnumMap<>(event.counts());
    }
}
