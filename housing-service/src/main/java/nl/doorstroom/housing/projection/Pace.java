package nl.doorstroom.housing.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The pace check of the national monitors: after month k of the half year a municipality on schedule has housed
 * k/6 of its corrected taakstelling. At the end of the period the province judges: met or not met.
 */
public record Pace(Level level, int monthsElapsed, BigDecimal expectedByNow, Judgement endOfPeriod) {

    public enum Level { ON_SCHEDULE, SOMEWHAT_BEHIND, BEHIND }

    public enum Judgement { MET, NOT_MET }

    public static Pace of(long housed, long corrected, int monthsElapsed, boolean periodOver, PaceThresholds thresholds) {
        // compared as housed * 6 >= threshold * corrected * k, so no rounding decides a level
        BigDecimal owedTimesSix = BigDecimal.valueOf(corrected * monthsElapsed);
        BigDecimal housedTimesSix = BigDecimal.valueOf(housed * 6);
        Level level;
        if (owedTimesSix.signum() <= 0 || housedTimesSix.compareTo(thresholds.onSchedule().multiply(owedTimesSix)) >= 0) {
            level = Level.ON_SCHEDULE;
        } else if (housedTimesSix.compareTo(thresholds.somewhatBehind().multiply(owedTimesSix)) >= 0) {
            level = Level.SOMEWHAT_BEHIND;
        } else {
            level = Level.BEHIND;
        }
        BigDecimal expected = owedTimesSix.divide(BigDecimal.valueOf(6), 1, RoundingMode.HALF_UP);
        Judgement judgement = !periodOver ? null : housed >= corrected ? Judgement.MET : Judgement.NOT_MET;
        return new Pace(level, monthsElapsed, expected, judgement);
    }
}
