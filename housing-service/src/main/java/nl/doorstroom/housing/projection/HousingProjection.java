package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.HousingEvents.FlexHomesRealised;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingDistributed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the housing read models: it stores what {@link MunicipalityPeriodState#evolve}, {@link PeriodState#evolve},
 * {@link WaitingState#evolve} and {@link FlexHomesState#evolve} return.
 */
@Component
@ProcessingGroup(HousingProjection.PROCESSING_GROUP)
public class HousingProjection {

    public static final String PROCESSING_GROUP = "housing-projection";

    private final MunicipalityPeriodRecords municipalities;
    private final PeriodRecords periods;
    private final WaitingRecords waiting;
    private final FlexHomesRecords flexHomes;

    public HousingProjection(MunicipalityPeriodRecords municipalities, PeriodRecords periods, WaitingRecords waiting,
                             FlexHomesRecords flexHomes) {
        this.municipalities = municipalities;
        this.periods = periods;
        this.waiting = waiting;
        this.flexHomes = flexHomes;
    }

    @EventHandler
    void on(FlexHomesRealised event) {
        FlexHomesRecord record = flexHomes.findById(FlexHomesRecord.NATIONAL).orElse(null);
        FlexHomesState next = FlexHomesState.evolve(record == null ? null : record.state(), event);
        if (record == null) {
            flexHomes.save(new FlexHomesRecord(next));
        } else {
            record.update(next);
            flexHomes.save(record);
        }
    }

    @EventHandler
    void on(TaakstellingDistributed event) {
        PeriodRecord record = periods.findById(event.period()).orElse(null);
        PeriodState next = PeriodState.evolve(record == null ? null : record.state(), event);
        if (record == null) {
            periods.save(new PeriodRecord(next));
        } else {
            record.update(next);
            periods.save(record);
        }
    }

    @EventHandler
    void on(Object event) {
        String key = MunicipalityPeriodState.keyOf(event);
        if (key != null) {
            MunicipalityPeriodRecord record = municipalities.findById(key).orElse(null);
            MunicipalityPeriodState next = MunicipalityPeriodState.evolve(record == null ? null : record.state(), event);
            if (record == null) {
                municipalities.save(new MunicipalityPeriodRecord(next));
            } else {
                record.update(next);
                municipalities.save(record);
            }
        }
        if (WaitingState.concerns(event)) {
            WaitingRecord record = waiting.findById(WaitingRecord.NATIONAL).orElse(null);
            WaitingState next = WaitingState.evolve(record == null ? null : record.state(), event);
            if (record == null) {
                waiting.save(new WaitingRecord(next));
            } else {
                record.update(next);
                waiting.save(record);
            }
        }
    }

    @ResetHandler
    void reset() {
        municipalities.deleteAllInBatch();
        periods.deleteAllInBatch();
        waiting.deleteAllInBatch();
        flexHomes.deleteAllInBatch();
    }
}
