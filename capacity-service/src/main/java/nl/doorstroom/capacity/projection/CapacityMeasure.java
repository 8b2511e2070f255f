package nl.doorstroom.capacity.projection;

import nl.doorstroom.platform.register.CommitmentMeasure;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;

/** INL.1 is measured by the COA places in open locations, against the 51,000 needed at the end of 2022. */
@Component
public class CapacityMeasure implements CommitmentMeasure {

    private final CapacityQueries queries;

    public CapacityMeasure(CapacityQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<BigDecimal> actual(String ref) {
        if ("INL.1".equals(ref)) {
            return Optional.of(BigDecimal.valueOf(queries.national().coaPlaces()));
        }
        return Optional.empty();
    }
}
