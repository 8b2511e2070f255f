package nl.doorstroom.finance.domain;

import java.util.Optional;

/** The CNO locations finance-service learnt of from capacity-service; a CNO claim must name one of them. */
public interface KnownCnoLocations {

    /** The veiligheidsregio of the location, when it is known. */
    Optional<String> veiligheidsregioOf(String locationId);
}
