package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.HousingEvents.TaakstellingDistributed;

import java.time.LocalDate;

/** The national taakstelling as set for a period; the fold of its {@code TaakstellingDistributed} event. */
public record PeriodState(String period, int nationalTotal, long inwonersTotal, String method, LocalDate setOn) {

    public static PeriodState evolve(PeriodState s, Object event) {
        if (event instanceof TaakstellingDistributed e) {
            return new PeriodState(e.period(), e.nationalTotal(), e.inwonersTotal(), e.method(), e.occurredOn());
        }
        return s;
    }
}
