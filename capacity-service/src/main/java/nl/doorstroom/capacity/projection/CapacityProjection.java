package nl.doorstroom.capacity.projection;

import nl.doorstroom.capacity.domain.CapacityEvents.CnoPlacesPledged;
import nl.doorstroom.capacity.domain.CapacityEvents.StatushoudersUitgestroomd;
import nl.doorstroom.platform.projection.Folds;
import nl.doorstroom.platform.register.EventRef;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the capacity read models: it stores what {@link LocationState#evolveNoting}, {@link PledgeState#evolve} and
 * {@link OutflowState#evolve} return.
 */
@Component
@ProcessingGroup(CapacityProjection.PROCESSING_GROUP)
public class CapacityProjection {

    public static final String PROCESSING_GROUP = "capacity-projection";

    private final LocationRecords locations;
    private final PledgeRecords pledges;
    private final OutflowRecords outflow;

    public CapacityProjection(LocationRecords locations, PledgeRecords pledges, OutflowRecords outflow) {
        this.locations = locations;
        this.pledges = pledges;
        this.outflow = outflow;
    }

    @EventHandler
    void on(StatushoudersUitgestroomd event) {
        Folds.fold(outflow, event.period(), event, OutflowState::evolve, OutflowRecord::new);
    }

    @EventHandler
    void on(CnoPlacesPledged event) {
        Folds.fold(pledges, event.veiligheidsregio(), event, PledgeState::evolve, PledgeRecord::new);
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        String locationId = LocationState.locationOf(event);
        if (locationId != null) {
            EventRef at = EventRef.of(message);
            Folds.fold(locations, locationId, event, (s, e) -> LocationState.evolveNoting(s, e, at), LocationRecord::new);
        }
    }

    @ResetHandler
    void reset() {
        locations.deleteAllInBatch();
        pledges.deleteAllInBatch();
        outflow.deleteAllInBatch();
    }
}
