package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.HousingForm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures that add up from municipality to province to country: share of the taakstelling, backlog carried
 * in (negative: credit), persons swapped in and out (III.5), corrected taakstelling after swaps, persons housed
 * (per form) and status holders linked. {@code remaining} is corrected minus housed; negative means ahead of the
 * task. Every swap is counted in once and out once, so the country's swapped in equals its swapped out.
 */
public record HousingFigures(long taakstelling, long backlog, long swappedIn, long swappedOut, long corrected,
                             long housed, long linked, Map<HousingForm, Long> housedByForm) {

    public static final HousingFigures ZERO = new HousingFigures(0, 0, 0, 0, 0, 0, 0, zeroPerForm());

    public static HousingFigures of(MunicipalityPeriodState s) {
        Map<HousingForm, Long> byForm = zeroPerForm();
        s.housedByForm().forEach((form, n) -> byForm.merge(form, (long) n, Long::sum));
        return new HousingFigures(s.share(), s.backlog(), s.swappedIn(), s.swappedOut(), s.corrected(), s.housed(),
                s.linked(), byForm);
    }

    public static HousingFigures sum(Collection<HousingFigures> parts) {
        return parts.stream().reduce(ZERO, HousingFigures::plus);
    }

    public HousingFigures plus(HousingFigures o) {
        Map<HousingForm, Long> byForm = zeroPerForm();
        housedByForm.forEach((form, n) -> byForm.merge(form, n, Long::sum));
        o.housedByForm.forEach((form, n) -> byForm.merge(form, n, Long::sum));
        return new HousingFigures(taakstelling + o.taakstelling, backlog + o.backlog, swappedIn + o.swappedIn,
                swappedOut + o.swappedOut, corrected + o.corrected,
                housed + o.housed, linked + o.linked, byForm);
    }

    public long remaining() {
        return corrected - housed;
    }

    /** Housed as a percentage of the corrected taakstelling; null when nothing is owed. */
    public BigDecimal shareRealisedPercent() {
        return corrected <= 0 ? null
                : BigDecimal.valueOf(housed * 100).divide(BigDecimal.valueOf(corrected), 1, RoundingMode.HALF_UP);
    }

    private static Map<HousingForm, Long> zeroPerForm() {
        Map<HousingForm, Long> byForm = new EnumMap<>(HousingForm.class);
        for (HousingForm form : HousingForm.values()) {
            byForm.put(form, 0L);
        }
        return byForm;
    }
}
