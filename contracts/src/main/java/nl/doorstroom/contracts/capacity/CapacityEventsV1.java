package nl.doorstroom.contracts.capacity;

import java.time.LocalDate;
import java.util.Map;

/**
 * The events capacity-service publishes on {@code doorstroom.capacity.events}, version 1.
 * Each record is the {@code data} of a CloudEvent whose {@code type} is {@link #TYPE_PREFIX} + the record name
 * without its version suffix + {@code .v1}; its JSON Schema lies in {@code contracts/published/}.
 * Target-group maps are keyed OEKRAIENSE_ONTHEEMDEN, ASIELZOEKERS, STATUSHOUDERS.
 */
public final class CapacityEventsV1 {

    public static final String TOPIC = "doorstroom.capacity.events";
    public static final String TYPE_PREFIX = "nl.doorstroom.capacity.";

    private CapacityEventsV1() {
    }

    public static String type(Class<? extends Record> contract) {
        return TYPE_PREFIX + contract.getSimpleName() + ".v1";
    }

    public record CnoPlacesPledged(String veiligheidsregio, int tranche, int places, LocalDate occurredOn) {
    }

    public record CnoLocationOpened(String locationId, String veiligheidsregio, String name, String gemeente,
                                    int places, boolean belowNormalStandard, LocalDate occurredOn) {
    }

    public record CnoLocationCapacityChanged(String locationId, String veiligheidsregio, int places, LocalDate occurredOn) {
    }

    public record CnoLocationOccupancyReported(String locationId, String veiligheidsregio, int occupied, LocalDate occurredOn) {
    }

    public record CnoLocationClosed(String locationId, String veiligheidsregio, LocalDate occurredOn) {
    }

    public record CnoLocationHandedOver(String locationId, String veiligheidsregio, String handedOverTo, String recipient,
                                        LocalDate occurredOn) {
    }

    public record CoaLocationOpened(String locationId, String name, Map<String, Integer> places,
                                    boolean belowNormalStandard, LocalDate occurredOn) {
    }

    public record CoaLocationCapacityChanged(String locationId, Map<String, Integer> places, LocalDate occurredOn) {
    }

    public record CoaLocationClosed(String locationId, LocalDate occurredOn) {
    }

    public record CoaOccupancyReported(String locationId, Map<String, Integer> occupied, LocalDate occurredOn) {
    }

    public record CoaPlacesReassigned(String locationId, String fromDoelgroep, String toDoelgroep, int places,
                                      LocalDate occurredOn) {
    }
}
