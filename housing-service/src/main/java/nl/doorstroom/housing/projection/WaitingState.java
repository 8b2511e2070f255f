package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.HousingEvents.StatushouderLinked;
import nl.doorstroom.housing.domain.HousingEvents.VergunningenVerleend;
import nl.doorstroom.housing.domain.VergunningType;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vergunninghouders waiting in reception for a municipality: permits IND granted, week by week (a corrected
 * week replaces the earlier count), minus status holders COA linked to a municipality.
 */
public record WaitingState(Map<String, Map<VergunningType, Integer>> grantedPerWeek, long linked) {

    public static final WaitingState NONE = new WaitingState(Map.of(), 0);

    public static boolean concerns(Object event) {
        return event instanceof VergunningenVerleend || event instanceof StatushouderLinked;
    }

    public long granted() {
        return grantedPerWeek.values().stream().flatMap(m -> m.values().stream()).mapToLong(Integer::longValue).sum();
    }

    public long waiting() {
        return granted() - linked;
    }

    public static WaitingState evolve(WaitingState s, Object event) {
        WaitingState b = s == null ? NONE : s;
        if (event instanceof VergunningenVerleend e) {
            Map<String, Map<VergunningType, Integer>> weeks = new TreeMap<>(b.grantedPerWeek);
            weeks.put(e.week(), Map.copyOf(e.counts()));
            return new WaitingState(Collections.unmodifiableMap(weeks), b.linked);
        }
        if (event instanceof StatushouderLinked) {
            return new WaitingState(b.grantedPerWeek, b.linked + 1);
        }
        return s;
    }
}
