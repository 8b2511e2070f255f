package nl.doorstroom.capacity.domain;

import java.time.LocalDate;
import java.util.Map;

/** What happened to shelter capacity. {@code occurredOn} is the business date; Axon records when it was stored. */
public final class CapacityEvents {

    private CapacityEvents() {
    }

    public record CnoPlacesPledged(String veiligheidsregio, int tranche, int places, LocalDate occurredOn) {
    }

    public record CnoLocationOpened(String locationId, String veiligheidsregio, String name, String gemeente, int places,
                                    boolean belowNormalStandard, LocalDate occurredOn) {
    }

    public record CnoLocationCapacityChanged(String locationId, String veiligheidsregio, int places, LocalDate occurredOn) {
    }

    public record CnoOccupancyReported(String locationId, String veiligheidsregio, int occupied, LocalDate occurredOn) {
    }

    public record CnoLocationClosed(String locationId, String veiligheidsregio, LocalDate occurredOn) {
    }

    public record CnoLocationHandedOver(String locationId, String veiligheidsregio, HandOverRecipient to, String recipient,
                                        LocalDate occurredOn) {
    }

    public record CoaLocationRegistered(String locationId, String name, Map<Doelgroep, Integer> places,
                                        boolean belowNormalStandard, LocalDate occurredOn) {
    }

    public record CoaCapacityChanged(String locationId, Map<Doelgroep, Integer> places, LocalDate occurredOn) {
    }

    public record CoaPlacesReassigned(String locationId, Doelgroep from, Doelgroep to, int places, LocalDate occurredOn) {
    }

    public record CoaOccupancyReported(String locationId, Map<Doelgroep, Integer> occupied, LocalDate occurredOn) {
    }

    public record CoaLocationClosed(String locationId, LocalDate occurredOn) {
    }

    public record StatushoudersUitgestroomd(String gemeente, String period, int persons, LocalDate occurredOn) {
    }
}
