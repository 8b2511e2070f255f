package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.HousingEvents.FlexHomesRealised;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flex homes made available, per province and in total, and how many of them are among the 2,000 flex units
 * procured centrally by the Rijksvastgoedbedrijf (II.2, II.5). The fold of {@code FlexHomesRealised}.
 */
public record FlexHomesState(Map<String, Long> perProvincie, long total, long centrallyProcured) {

    public static final FlexHomesState NONE = new FlexHomesState(Map.of(), 0, 0);

    public static FlexHomesState evolve(FlexHomesState s, Object event) {
        if (event instanceof FlexHomesRealised e) {
            FlexHomesState b = s == null ? NONE : s;
            Map<String, Long> perProvincie = new TreeMap<>(b.perProvincie);
            perProvincie.merge(e.provincie(), (long) e.homes(), Long::sum);
            return new FlexHomesState(Collections.unmodifiableMap(perProvincie), b.total + e.homes(),
                    b.centrallyProcured + (e.centrallyProcured() ? e.homes() : 0));
        }
        return s;
    }
}
