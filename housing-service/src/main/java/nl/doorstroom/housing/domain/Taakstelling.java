package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingCommands.SetTaakstelling;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingDistributed;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The national taakstelling of one half year: how many vergunninghouders municipalities together are to house
 * (III.12.2: 13,500 in 2022-H2; 20,400 to 23,900 expected for 2023-H1). It is set once and distributed over the
 * 342 municipalities by population; each municipality then adds its own backlog or credit. A period the agreement
 * fixes ({@code catalogue/figures.yaml}) is set at start-up; setting the same figure again changes nothing.
 */
@Aggregate(cache = Snapshots.CACHE)
public class Taakstelling {

    @AggregateIdentifier
    private String period;
    private int nationalTotal;

    protected Taakstelling() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetTaakstelling command) {
        try {
            Period.parse(command.period());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("period", e.getMessage());
        }
        if (command.nationalTotal() <= 0) {
            throw new RuleViolation("nationalTotal", "a taakstelling is for at least one vergunninghouder");
        }
        if (period != null && nationalTotal == command.nationalTotal()) {
            return; // the same figure again (the agreement's figures at start-up, a repeated request) changes nothing
        }
        if (period != null) {
            throw new RuleViolation("period", "the taakstelling for " + period + " was already set at " + nationalTotal);
        }
        apply(new TaakstellingDistributed(command.period(), command.nationalTotal(), Gemeenten.totalInwoners(),
                Gemeenten.RESOURCE, Verdeling.METHOD, Verdeling.byPopulation(command.nationalTotal(), Gemeenten.all()),
                command.occurredOn()));
    }

    @EventSourcingHandler
    void on(TaakstellingDistributed event) {
        this.period = event.period();
        this.nationalTotal = event.nationalTotal();
    }
}
