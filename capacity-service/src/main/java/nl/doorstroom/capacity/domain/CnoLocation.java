package nl.doorstroom.capacity.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import nl.doorstroom.capacity.domain.CapacityCommands.ChangeCnoCapacity;
import nl.doorstroom.capacity.domain.CapacityCommands.CloseCnoLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.HandOverCnoLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.OpenCnoLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.ReportCnoOccupancy;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationCapacityChanged;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationClosed;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationHandedOver;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationOpened;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoOccupancyReported;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A crisisnoodopvang location run by a veiligheidsregio. It opens with a number of places, may change capacity
 * and report occupancy while open, and ends by closing or by being handed over to COA or a municipality
 * (the CNO wind-down, III.2.4). A location below normal standards is allowed when safe and hygienic (III.7.1).
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = Snapshots.CACHE)
// a snapshot is these fields as JSON; a change to them or to a fold raises the revision, and older snapshots are passed over
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public class CnoLocation {

    private enum Status { OPEN, CLOSED, HANDED_OVER }

    @AggregateIdentifier
    private String locationId;
    private String veiligheidsregio;
    private Status status;

    protected CnoLocation() {
    }

    @CommandHandler
    public CnoLocation(OpenCnoLocation command) {
        if (Veiligheidsregios.find(command.veiligheidsregio()).isEmpty()) {
            throw new RuleViolation("veiligheidsregio", "unknown veiligheidsregio " + command.veiligheidsregio());
        }
        if (command.places() <= 0) {
            throw new RuleViolation("places", "a CNO location opens with at least one place");
        }
        apply(new CnoLocationOpened(command.locationId(), command.veiligheidsregio(), command.name(), command.gemeente(),
                command.places(), command.belowNormalStandard(), command.occurredOn()));
    }

    @CommandHandler
    public void handle(ChangeCnoCapacity command) {
        requireOpen("places");
        if (command.places() < 0) {
            throw new RuleViolation("places", "capacity cannot be negative");
        }
        apply(new CnoLocationCapacityChanged(locationId, veiligheidsregio, command.places(), command.occurredOn()));
    }

    @CommandHandler
    public void handle(ReportCnoOccupancy command) {
        requireOpen("occupied");
        if (command.occupied() < 0) {
            throw new RuleViolation("occupied", "occupancy cannot be negative");
        }
        apply(new CnoOccupancyReported(locationId, veiligheidsregio, command.occupied(), command.occurredOn()));
    }

    @CommandHandler
    public void handle(CloseCnoLocation command) {
        requireOpen("locationId");
        apply(new CnoLocationClosed(locationId, veiligheidsregio, command.occurredOn()));
    }

    @CommandHandler
    public void handle(HandOverCnoLocation command) {
        requireOpen("locationId");
        if (command.to() == null) {
            throw new RuleViolation("to", "a hand-over names COA or GEMEENTE");
        }
        apply(new CnoLocationHandedOver(locationId, veiligheidsregio, command.to(), command.recipient(), command.occurredOn()));
    }

    private void requireOpen(String field) {
        if (status != Status.OPEN) {
            throw new RuleViolation(field, "CNO location " + locationId + " is " + status.name().toLowerCase().replace('_', ' '));
        }
    }

    @EventSourcingHandler
    void on(CnoLocationOpened event) {
        this.locationId = event.locationId();
        this.veiligheidsregio = event.veiligheidsregio();
        this.status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(CnoLocationClosed event) {
        this.status = Status.CLOSED;
    }

    @EventSourcingHandler
    void on(CnoLocationHandedOver event) {
        this.status = Status.HANDED_OVER;
    }
}
