package nl.doorstroom.housing.projection;

import nl.doorstroom.platform.register.CommitmentMeasure;
import nl.doorstroom.platform.register.FigureEvents;
import nl.doorstroom.platform.register.Measurement;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * III.12.4 is measured by the persons municipalities housed in 2022-H2, against the 15,300 they house at least, and
 * III.12.2 by the same persons against the period's taakstelling of 13,500; II.2 by the flex homes realised, against
 * 37,500; II.5 by the centrally procured flex units, against 2,000. Past their due moment the dated ones are judged on
 * the figure as it stood at the end of the due date ({@link #measurementByDue}).
 */
@Component
public class HousingMeasure implements CommitmentMeasure {

    static final String HOUSED_2022_H2 = "persons housed by municipalities in " + HousingQueries.PERIOD_OF_III_12_4
            + ": reported housings and corrections, summed over every municipality";
    static final String FLEX_HOMES = "flex homes realised: FlexHomesRealised summed over every municipality";
    static final String CENTRAL_FLEX_UNITS = "flex units procured centrally by the Rijksvastgoedbedrijf:"
            + " the centrally procured FlexHomesRealised summed";

    private final HousingQueries queries;
    private final MunicipalityPeriodRecords municipalities;
    private final FlexHomesRecords flexHomes;

    public HousingMeasure(HousingQueries queries, MunicipalityPeriodRecords municipalities, FlexHomesRecords flexHomes) {
        this.queries = queries;
        this.municipalities = municipalities;
        this.flexHomes = flexHomes;
    }

    @Override
    public Optional<BigDecimal> actual(String ref) {
        return measurement(ref).map(Measurement::actual);
    }

    @Override
    public Optional<Measurement> measurement(String ref) {
        return switch (ref) {
            case "III.12.4", "III.12.2" -> Optional.of(Measurement.of(
                    BigDecimal.valueOf(queries.national(HousingQueries.PERIOD_OF_III_12_4).housed()), HOUSED_2022_H2,
                    FigureEvents.merge(municipalities.findByPeriod(HousingQueries.PERIOD_OF_III_12_4).stream()
                            .map(r -> r.state().housedMovedBy()).toList())));
            case "II.2" -> {
                FlexHomesState s = flexHomes();
                yield Optional.of(Measurement.of(BigDecimal.valueOf(s.total()), FLEX_HOMES, s.totalMovedBy()));
            }
            case "II.5" -> {
                FlexHomesState s = flexHomes();
                yield Optional.of(Measurement.of(BigDecimal.valueOf(s.centrallyProcured()), CENTRAL_FLEX_UNITS,
                        s.centrallyProcuredMovedBy()));
            }
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<Measurement> measurementByDue(String ref, LocalDate due) {
        return switch (ref) {
            case "III.12.4", "III.12.2" -> Optional.of(Measurement.of(
                    BigDecimal.valueOf(queries.housedOn(HousingQueries.PERIOD_OF_III_12_4, due)), HOUSED_2022_H2, null));
            case "II.2" -> Optional.of(Measurement.of(BigDecimal.valueOf(queries.flexHomesOn(due)), FLEX_HOMES, null));
            default -> Optional.empty();
        };
    }

    /** None realised yet is a figure of zero that no event moved. */
    private FlexHomesState flexHomes() {
        return flexHomes.findById(FlexHomesRecord.NATIONAL).map(FlexHomesRecord::state)
                .orElse(new FlexHomesState(Map.of(), 0, 0, FigureEvents.NONE, FigureEvents.NONE));
    }
}
