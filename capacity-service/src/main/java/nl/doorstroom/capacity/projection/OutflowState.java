package nl.doorstroom.capacity.projection;

import nl.doorstroom.capacity.domain.CapacityEvents.StatushoudersUitgestroomd;

/** Status holders who left reception for a municipality in one half year; the fold of their outflow events. */
public record OutflowState(String period, long persons) {

    public static OutflowState evolve(OutflowState s, Object event) {
        if (event instanceof StatushoudersUitgestroomd e) {
            return new OutflowState(e.period(), (s == null ? 0 : s.persons()) + e.persons());
        }
        return s;
    }
}
