package nl.doorstroom.capacity.projection;

import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationOpened;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The veiligheidsregio a CNO location belongs to, read from its own events (not a read model that may lag), so
 * only that region may report on it the moment it is opened.
 */
@Component("cnoLocationRegions")
public class CnoLocationRegions {

    private final EventStore events;

    public CnoLocationRegions(EventStore events) {
        this.events = events;
    }

    /** Null for a location that was never opened as a CNO location. */
    public String of(String locationId) {
        // from sequence 0: readEvents(id) alone starts at the location's snapshot, which holds no CnoLocationOpened
        return events.readEvents(locationId, 0).asStream()
                .map(m -> m.getPayload())
                .filter(CnoLocationOpened.class::isInstance)
                .map(p -> ((CnoLocationOpened) p).veiligheidsregio())
                .findFirst().orElse(null);
    }
}
