package nl.doorstroom.capacity.projection;

import nl.doorstroom.capacity.domain.CapacityEvents.CnoPlacesPledged;
import nl.doorstroom.capacity.domain.CapacityEvents.StatushoudersUitgestroomd;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the capacity read models: it stores what {@link LocationState#evolve}, {@link PledgeState#evolve} and
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
        OutflowRecord record = outflow.findById(event.period()).orElse(null);
        OutflowState next = OutflowState.evolve(record == null ? null : record.state(), event);
        if (record == null) {
            outflow.save(new OutflowRecord(next));
        } else {
            record.update(next);
            outflow.save(record);
        }
    }

    @EventHandler
    void on(CnoPlacesPledged event) {
        PledgeRecord record = pledges.findById(event.veiligheidsregio()).orElse(null);
        PledgeState next = PledgeState.evolve(record == null ? null : record.state(), event);
        if (record == null) {
            pledges.save(new PledgeRecord(next));
        } else {
            record.update(next);
            pledges.save(record);
        }
    }

    @EventHandler
    void on(Object event) {
        String locationId = LocationState.locationOf(event);
        if (locationId == null) {
            return;
        }
        LocationRecord record = locations.findById(locationId).orElse(null);
        LocationState next = LocationState.evolve(record == null ? null : record.state(), event);
        if (next == null) {
            return;
        }
        if (record == null) {
            locations.save(new LocationRecord(next));
        } else {
            record.update(next);
            locations.save(record);
        }
    }

    @ResetHandler
    void reset() {
        locations.deleteAllInBatch();
        pledges.deleteAllInBatch();
        outflow.deleteAllInBatch();
    }
}
