package nl.doorstroom.housing.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * Where the pace levels begin, as a fraction of what a municipality should have housed by now (k/6 of its
 * corrected taakstelling after month k): at or above {@code onSchedule} it is on schedule, at or above
 * {@code somewhatBehind} somewhat behind, below that behind.
 */
@ConfigurationProperties("doorstroom.housing.pace")
public record PaceThresholds(@DefaultValue("1.0") BigDecimal onSchedule, @DefaultValue("0.75") BigDecimal somewhatBehind) {

    public PaceThresholds {
        if (somewhatBehind.compareTo(onSchedule) > 0) {
            throw new IllegalStateException("doorstroom.housing.pace.somewhat-behind must not exceed on-schedule");
        }
    }
}
