package nl.doorstroom.capacity.projection;

import nl.doorstroom.platform.register.CommitmentMeasure;
import nl.doorstroom.platform.register.FigureEvents;
import nl.doorstroom.platform.register.Measurement;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * INL.1 is measured by the COA places in open locations, against the 51,000 needed at the end of 2022. Read with
 * the closed locations too, whose closing moved the figure.
 */
@Component
public class CapacityMeasure implements CommitmentMeasure {

    static final String COA_PLACES = "COA places: the places of every open COA location, all target groups";

    private final LocationRecords locations;

    public CapacityMeasure(LocationRecords locations) {
        this.locations = locations;
    }

    @Override
    public Optional<BigDecimal> actual(String ref) {
        return measurement(ref).map(Measurement::actual);
    }

    @Override
    public Optional<Measurement> measurement(String ref) {
        if (!"INL.1".equals(ref)) {
            return Optional.empty();
        }
        List<LocationState> coa = locations.findByKind(LocationState.Kind.COA).stream().map(LocationRecord::state).toList();
        long places = coa.stream().mapToLong(LocationState::openPlaces).sum();
        return Optional.of(Measurement.of(BigDecimal.valueOf(places), COA_PLACES,
                FigureEvents.merge(coa.stream().map(LocationState::openPlacesMovedBy).toList())));
    }
}
