package nl.doorstroom.deadline.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a dated commitment falls due. "Uiterlijk 1 oktober" allows the whole of 1 October, so the due moment of a
 * date is the start of the next day in the Netherlands (Europe/Amsterdam, with summer time).
 */
public final class DueMoment {

    public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private DueMoment() {
    }

    /** The moment a commitment due on that date is missed: midnight after it, Dutch time. */
    public static Instant of(LocalDate dueOn) {
        return dueOn.plusDays(1).atStartOfDay(NETHERLANDS).toInstant();
    }

    /** The Dutch calendar date of a moment. */
    public static LocalDate dateOf(Instant moment) {
        return moment.atZone(NETHERLANDS).toLocalDate();
    }

    /** The first moment of a date: a commitment met on that date counts as met then, at the earliest. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(NETHERLANDS).toInstant();
    }
}
