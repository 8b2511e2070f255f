package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.HousingEvents.FlexHomesRealised;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingDistributed;
import nl.doorstroom.platform.projection.Folds;
import nl.doorstroom.platform.register.EventRef;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the housing read models: it stores what {@link MunicipalityPeriodState#evolveNoting},
 * {@link PeriodState#evolve}, {@link WaitingState#evolve} and {@link FlexHomesState#evolveNoting} return.
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
    void on(FlexHomesRealised event, EventMessage<?> message) {
        EventRef at = EventRef.of(message);
        Folds.fold(flexHomes, FlexHomesRecord.NATIONAL, event, (s, e) -> FlexHomesState.evolveNoting(s, e, at),
                FlexHomesRecord::new);
    }

    @EventHandler
    void on(TaakstellingDistributed event) {
        Folds.fold(periods, event.period(), event, PeriodState::evolve, PeriodRecord::new);
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        String key = MunicipalityPeriodState.keyOf(event);
        if (key != null) {
            EventRef at = EventRef.of(message);
            Folds.fold(municipalities, key, event, (s, e) -> MunicipalityPeriodState.evolveNoting(s, e, at),
                    MunicipalityPeriodRecord::new);
        }
        if (WaitingState.concerns(event)) {
            Folds.fold(waiting, WaitingRecord.NATIONAL, event, WaitingState::evolve, WaitingRecord::new);
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
