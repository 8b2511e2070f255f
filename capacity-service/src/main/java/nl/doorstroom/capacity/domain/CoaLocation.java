package nl.doorstroom.capacity.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import nl.doorstroom.capacity.domain.CapacityCommands.ChangeCoaCapacity;
import nl.doorstroom.capacity.domain.CapacityCommands.CloseCoaLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.ReassignCoaPlaces;
import nl.doorstroom.capacity.domain.CapacityCommands.RegisterCoaLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.ReportCoaOccupancy;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaCapacityChanged;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaLocationClosed;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaLocationRegistered;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaOccupancyReported;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaPlacesReassigned;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A COA reception location as COA reports it on {@code coa.locaties.v1} and {@code coa.bezetting.v1}: places
 * per target group (which may be reassigned between groups, III.4), occupancy per group, and its closing.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = Snapshots.CACHE)
// a snapshot is these fields as JSON; a change to them or to a fold raises the revision, and older snapshots are passed over
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public class CoaLocation {

    @AggregateIdentifier
    private String locationId;
    private final Map<Doelgroep, Integer> places = new EnumMap<>(Doelgroep.class);
    private boolean closed;

    protected CoaLocation() {
    }

    /**
     * A second LocatieGeopend for a location COA already reported is refused with its reason, not ignored: its id
     * differs (a redelivery of the same message never gets here), so it says something new, perhaps other places,
     * that the sender should hear was not taken.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterCoaLocation command) {
        if (locationId != null) {
            throw new RuleViolation("locatieId", "COA location " + locationId + " is already "
                    + (closed ? "registered and closed" : "open") + "; a second LocatieGeopend is not taken");
        }
        requireCounts("places", command.places());
        apply(new CoaLocationRegistered(command.locationId(), command.name(), Map.copyOf(command.places()),
                command.belowNormalStandard(), command.occurredOn()));
    }

    @CommandHandler
    public void handle(ChangeCoaCapacity command) {
        requireOpen();
        requireCounts("places", command.places());
        apply(new CoaCapacityChanged(locationId, Map.copyOf(command.places()), command.occurredOn()));
    }

    @CommandHandler
    public void handle(ReassignCoaPlaces command) {
        requireOpen();
        if (command.from() == command.to()) {
            throw new RuleViolation("to", "places are reassigned to another target group");
        }
        int available = places.getOrDefault(command.from(), 0);
        if (command.places() <= 0 || command.places() > available) {
            throw new RuleViolation("places", "location " + locationId + " has " + available + " places for "
                    + command.from() + ", cannot reassign " + command.places());
        }
        apply(new CoaPlacesReassigned(locationId, command.from(), command.to(), command.places(), command.occurredOn()));
    }

    @CommandHandler
    public void handle(ReportCoaOccupancy command) {
        requireOpen();
        requireCounts("occupied", command.occupied());
        apply(new CoaOccupancyReported(locationId, Map.copyOf(command.occupied()), command.occurredOn()));
    }

    @CommandHandler
    public void handle(CloseCoaLocation command) {
        requireOpen();
        apply(new CoaLocationClosed(locationId, command.occurredOn()));
    }

    private void requireOpen() {
        if (closed) {
            throw new RuleViolation("locatieId", "COA location " + locationId + " is closed");
        }
    }

    private static void requireCounts(String field, Map<Doelgroep, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            throw new RuleViolation(field, "at least one target group must be given");
        }
        if (counts.values().stream().anyMatch(n -> n == null || n < 0)) {
            throw new RuleViolation(field, "counts cannot be negative");
        }
    }

    @EventSourcingHandler
    void on(CoaLocationRegistered event) {
        this.locationId = event.locationId();
        this.places.putAll(event.places());
    }

    @EventSourcingHandler
    void on(CoaCapacityChanged event) {
        this.places.clear();
        this.places.putAll(event.places());
    }

    @EventSourcingHandler
    void on(CoaPlacesReassigned event) {
        places.merge(event.from(), -event.places(), Integer::sum);
        places.merge(event.to(), event.places(), Integer::sum);
    }

    @EventSourcingHandler
    void on(CoaLocationClosed event) {
        this.closed = true;
    }
}
