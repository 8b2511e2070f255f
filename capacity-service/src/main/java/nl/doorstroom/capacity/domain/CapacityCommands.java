package nl.doorstroom.capacity.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Map;

/** What may be asked of capacity-service. Every command names the business date it is about. */
public final class CapacityCommands {

    private CapacityCommands() {
    }

    public record PledgeCnoPlaces(@TargetAggregateIdentifier String veiligheidsregio, int tranche, int places,
                                  LocalDate occurredOn) {
    }

    public record OpenCnoLocation(@TargetAggregateIdentifier String locationId, String veiligheidsregio, String name,
                                  String gemeente, int places, boolean belowNormalStandard, LocalDate occurredOn) {
    }

    public record ChangeCnoCapacity(@TargetAggregateIdentifier String locationId, int places, LocalDate occurredOn) {
    }

    public record ReportCnoOccupancy(@TargetAggregateIdentifier String locationId, int occupied, LocalDate occurredOn) {
    }

    public record CloseCnoLocation(@TargetAggregateIdentifier String locationId, LocalDate occurredOn) {
    }

    public record HandOverCnoLocation(@TargetAggregateIdentifier String locationId, HandOverRecipient to, String recipient,
                                      LocalDate occurredOn) {
    }

    public record RegisterCoaLocation(@TargetAggregateIdentifier String locationId, String name,
                                      Map<Doelgroep, Integer> places, boolean belowNormalStandard, LocalDate occurredOn) {
    }

    public record ChangeCoaCapacity(@TargetAggregateIdentifier String locationId, Map<Doelgroep, Integer> places,
                                    LocalDate occurredOn) {
    }

    public record ReassignCoaPlaces(@TargetAggregateIdentifier String locationId, Doelgroep from, Doelgroep to, int places,
                                    LocalDate occurredOn) {
    }

    public record ReportCoaOccupancy(@TargetAggregateIdentifier String locationId, Map<Doelgroep, Integer> occupied,
                                     LocalDate occurredOn) {
    }

    public record CloseCoaLocation(@TargetAggregateIdentifier String locationId, LocalDate occurredOn) {
    }

    /** Status holders housed by a municipality left reception (as housing-service reports it). */
    public record RecordUitstroom(@TargetAggregateIdentifier String gemeente, String period, int persons, LocalDate occurredOn) {
    }
}
