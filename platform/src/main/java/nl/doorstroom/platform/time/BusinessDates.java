package nl.doorstroom.platform.time;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * A business date is a Dutch date: the day a report or decision is about. None lies after today on the business
 * clock, in Dutch time, so a report made just after midnight in the Netherlands is not taken for one from tomorrow.
 */
public final class BusinessDates {

    public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    /** The refusal of a business date after today, on REST ({@code @PastOrPresent}) and inbound paths alike. */
    public static final String NOT_AFTER_TODAY = "lies after today on the business clock: a report cannot come from the future";

    private BusinessDates() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(NETHERLANDS));
    }

    /** The business date of a weekly count: the Monday of its ISO week ({@code 2022-W36}). */
    public static LocalDate mondayOf(String isoWeek) {
        return LocalDate.of(Integer.parseInt(isoWeek.substring(0, 4)), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(isoWeek.substring(6)))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
