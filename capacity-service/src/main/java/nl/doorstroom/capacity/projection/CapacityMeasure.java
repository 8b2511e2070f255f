package nl.doorstroom.capacity.projection;

import nl.doorstroom.platform.register.CommitmentMeasure;
import nl.doorstroom.platform.register.FigureEvents;
import nl.doorstroom.platform.register.Measurement;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
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
    private final CapacityQueries queries;

    public CapacityMeasure(LocationRecords locations, CapacityQueries queries) {
        this.locations = locations;
        this.queries = queries;
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
        return Optional.of(coaPlaces(locations.findByKind(LocationState.Kind.COA).stream().map(LocationRecord::state).toList()));
    }

    @Override
    public Optional<Measurement> measurementByDue(String ref, LocalDate due) {
        return "INL.1".equals(ref) ? Optional.of(coaPlaces(queries.coaLocationsOn(due))) : Optional.empty();
    }

    private static Measurement coaPlaces(List<LocationState> coa) {
        long places = coa.stream().mapToLong(LocationState::openPlaces).sum();
        return Measurement.of(BigDecimal.valueOf(places), COA_PLACES,
                FigureEvents.merge(coa.stream().map(LocationState::openPlacesMovedBy).toList()));
    }
}
