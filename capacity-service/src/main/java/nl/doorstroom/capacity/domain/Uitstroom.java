package nl.doorstroom.capacity.domain;

import nl.doorstroom.capacity.domain.CapacityCommands.RecordUitstroom;
import nl.doorstroom.capacity.domain.CapacityEvents.StatushoudersUitgestroomd;
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
 * The outflow of status holders from reception into one municipality (III.12: about 16,000 wait in reception;
 * housing them frees places). Recorded here from housing-service's events, so capacity's own history holds it.
 */
@Aggregate(cache = Snapshots.CACHE)
public class Uitstroom {

    @AggregateIdentifier
    private String gemeente;

    protected Uitstroom() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordUitstroom command) {
        if (command.gemeente() == null || !command.gemeente().matches("GM[0-9]{4}")) {
            throw new RuleViolation("gemeente", "not a municipality code: " + command.gemeente());
        }
        if (command.persons() <= 0) {
            throw new RuleViolation("persons", "an outflow is of at least one person");
        }
        apply(new StatushoudersUitgestroomd(command.gemeente(), command.period(), command.persons(), command.occurredOn()));
    }

    @EventSourcingHandler
    void on(StatushoudersUitgestroomd event) {
        this.gemeente = event.gemeente();
    }
}
