package nl.doorstroom.housing.projection;

import nl.doorstroom.platform.register.CommitmentMeasure;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * III.12.4 is measured by the persons municipalities housed in 2022-H2, against the 15,300 they house at least;
 * II.2 by the flex homes realised, against 37,500; II.5 by the centrally procured flex units, against 2,000.
 */
@Component
public class HousingMeasure implements CommitmentMeasure {

    private final HousingQueries queries;

    public HousingMeasure(HousingQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<BigDecimal> actual(String ref) {
        return switch (ref) {
            case "III.12.4" -> Optional.of(BigDecimal.valueOf(queries.national(HousingQueries.PERIOD_OF_III_12_4).housed()));
            case "II.2" -> Optional.of(BigDecimal.valueOf(queries.flexHomes().realised()));
            case "II.5" -> Optional.of(BigDecimal.valueOf(queries.flexHomes().centrallyProcured()));
            default -> Optional.empty();
        };
    }
}
