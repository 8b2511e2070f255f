package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.HousingEvents.FlexHomesRealised;
import nl.doorstroom.platform.register.EventRef;
import nl.doorstroom.platform.register.FigureEvents;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flex homes made available, per province and in total, and how many of them are among the 2,000 flex units
 * procured centrally by the Rijksvastgoedbedrijf (II.2, II.5). The fold of {@code FlexHomesRealised}. The projection
 * stores {@link #evolveNoting}: that fold, also keeping the events that changed {@code total} and
 * {@code centrallyProcured}, which the register names behind those measured figures (null: not known, in a fold
 * without the events' references and in a row stored before they were kept, until a rebuild).
 */
public record FlexHomesState(Map<String, Long> perProvincie, long total, long centrallyProcured,
                             FigureEvents totalMovedBy, FigureEvents centrallyProcuredMovedBy) {

    public static final FlexHomesState NONE = new FlexHomesState(Map.of(), 0, 0, null, null);

    /** {@link #evolve(FlexHomesState, Object)}, noting {@code at} against each figure the event changed. */
    public static FlexHomesState evolveNoting(FlexHomesState s, Object event, EventRef at) {
        FlexHomesState next = evolve(s, event);
        if (next == null) {
            return null;
        }
        long total = s == null ? 0 : s.total;
        long centrallyProcured = s == null ? 0 : s.centrallyProcured;
        return new FlexHomesState(next.perProvincie, next.total, next.centrallyProcured,
                FigureEvents.after(s == null ? FigureEvents.NONE : s.totalMovedBy, total != next.total, at),
                FigureEvents.after(s == null ? FigureEvents.NONE : s.centrallyProcuredMovedBy,
                        centrallyProcured != next.centrallyProcured, at));
    }

    public static FlexHomesState evolve(FlexHomesState s, Object event) {
        if (event instanceof FlexHomesRealised e) {
            FlexHomesState b = s == null ? NONE : s;
            Map<String, Long> perProvincie = new TreeMap<>(b.perProvincie);
            perProvincie.merge(e.provincie(), (long) e.homes(), Long::sum);
            return new FlexHomesState(Collections.unmodifiableMap(perProvincie), b.total + e.homes(),
                    b.centrallyProcured + (e.centrallyProcured() ? e.homes() : 0), b.totalMovedBy,
                    b.centrallyProcuredMovedBy);
        }
        return s;
    }
}
