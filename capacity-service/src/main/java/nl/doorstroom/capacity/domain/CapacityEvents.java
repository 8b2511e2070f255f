package nl.doorstroom.capacity.domain;

import java.time.LocalDate;
import java.util.Map;

/** What happened to shelter capacity. {@code occurredOn} is the business date; Axon records when it was stored. */
public final class CapacityEvents {

    private CapacityEvents() {
    }

    /** Every capacity event names the business date it is about. */
    public interface Dated {
        LocalDate occurredOn();
    }

    public record CnoPlacesPledged(String veiligheidsregio, int tranche, int places,
                                   LocalDate occurredOn) implements Dated {
    }

    public record CnoLocationOpened(String locationId, String veiligheidsregio, String name, String gemeente, int places,
                                    boolean belowNormalStandard, LocalDate occurredOn) implements Dated {
    }

    public record CnoLocationCapacityChanged(String locationId, String veiligheidsregio, int places,
                                             LocalDate occurredOn) implements Dated {
    }

    public record CnoOccupancyReported(String locationId, String veiligheidsregio, int occupied,
                                       LocalDate occurredOn) implements Dated {
    }

    public record CnoLocationClosed(String locationId, String veiligheidsregio, LocalDate occurredOn) implements Dated {
    }

    public record CnoLocationHandedOver(String locationId, String veiligheidsregio, HandOverRecipient to, String recipient,
                                        LocalDate occurredOn) implements Dated {
    }

    public record CoaLocationRegistered(String locationId, String name, Map<Doelgroep, Integer> places,
                                        boolean belowNormalStandard, LocalDate occurredOn) implements Dated {
    }

    public record CoaCapacityChanged(String locationId, Map<Doelgroep, Integer> places,
                                     LocalDate occurredOn) implements Dated {
    }

    public record CoaPlacesReassigned(String locationId, Doelgroep from, Doelgroep to, int places,
                                      LocalDate occurredOn) implements Dated {
    }

    public record CoaOccupancyReported(String locationId, Map<Doelgroep, Integer> occupied,
                                       LocalDate occurredOn) implements Dated {
    }

    public record CoaLocationClosed(String locationId, LocalDate occurredOn) implements Dated {
    }

    public record StatushoudersUitgestroomd(String gemeente, String period, int persons,
                                            LocalDate occurredOn) implements Dated {
    }
}
