package nl.doorstroom.housing.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half year for which a taakstelling is set, written as the circulars do: {@code 2022-H2} is 1 July to
 * 31 December 2022. Events carry it as that text, so an auditor reads it as it was written.
 */
public record Period(int year, int half) implements Comparable<Period> {

    public static final String FORMAT = "^(20[0-9]{2})-H([12])$";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public Period {
        if (year < 2000 || year > 2099 || (half != 1 && half != 2)) {
            throw new IllegalArgumentException("a period is a half year such as 2022-H2");
        }
    }

    /**
     * Also how JSON reads a period (a key of {@link GemeenteHuisvesting}'s maps in its snapshot), as it is written.
     *
     * @throws IllegalArgumentException when the text is not a half year such as {@code 2023-H1}
     */
    @JsonCreator
    public static Period parse(String text) {
        Matcher m = text == null ? null : PATTERN.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("period " + text + " is not a half year such as 2022-H2");
        }
        return new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Period containing(LocalDate date) {
        return new Period(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    public Period previous() {
        return half == 2 ? new Period(year, 1) : new Period(year - 1, 2);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(6).minusDays(1);
    }

    /** Whole months of this half year that have passed on the given date: 0 before and in its first month, 6 after it. */
    public int monthsElapsed(LocalDate on) {
        long months = ChronoUnit.MONTHS.between(firstDay(), on);
        return (int) Math.max(0, Math.min(6, months));
    }

    public boolean isOver(LocalDate on) {
        return on.isAfter(lastDay());
    }

    @Override
    public int compareTo(Period other) {
        return Integer.compare(year * 2 + half, other.year * 2 + other.half);
    }

    @Override
    @JsonValue
    public String toString() {
        return year + "-H" + half;
    }
}
