package nl.doorstroom.capacity.domain;

import nl.doorstroom.capacity.domain.CapacityCommands.PledgeCnoPlaces;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoPlacesPledged;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A veiligheidsregio's pledge of CNO places (III.1): a first tranche of 225 additional places, and on top of it
 * another 225. Each tranche is pledged once, the second only after the first.
 */
@Aggregate(cache = Snapshots.CACHE)
public class CnoPledge {

    @AggregateIdentifier
    private String veiligheidsregio;
    private final Set<Integer> tranches = new HashSet<>();

    protected CnoPledge() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PledgeCnoPlaces command) {
        if (Veiligheidsregios.find(command.veiligheidsregio()).isEmpty()) {
            throw new RuleViolation("veiligheidsregio", "unknown veiligheidsregio " + command.veiligheidsregio());
        }
        if (command.tranche() != 1 && command.tranche() != 2) {
            throw new RuleViolation("tranche", "the agreement has two tranches of CNO places, 1 and 2");
        }
        if (tranches.contains(command.tranche())) {
            throw new RuleViolation("tranche", "tranche " + command.tranche() + " was already pledged by " + command.veiligheidsregio());
        }
        if (command.tranche() == 2 && !tranches.contains(1)) {
            throw new RuleViolation("tranche", "the second tranche comes on top of the first, which is not pledged yet");
        }
        if (command.places() <= 0) {
            throw new RuleViolation("places", "a pledge is for at least one place");
        }
        apply(new CnoPlacesPledged(command.veiligheidsregio(), command.tranche(), command.places(), command.occurredOn()));
    }

    @EventSourcingHandler
    void on(CnoPlacesPledged event) {
        this.veiligheidsregio = event.veiligheidsregio();
        this.tranches.add(event.tranche());
    }
}
