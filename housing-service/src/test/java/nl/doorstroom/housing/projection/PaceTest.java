package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.Period;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PaceTest {

    private static final PaceThresholds THRESHOLDS = new PaceThresholds(new BigDecimal("1.0"), new BigDecimal("0.75"));
    private static final Period H2_2022 = Period.parse("2022-H2");
    private static final LocalDate OCTOBER_1 = LocalDate.of(2022, 10, 1);

    private static Pace onOctober1(long housed, long corrected) {
        return Pace.of(housed, corrected, H2_2022.monthsElapsed(OCTOBER_1), H2_2022.isOver(OCTOBER_1), THRESHOLDS);
    }

    @Test
    void on_1_october_2022_a_municipality_that_housed_half_of_its_corrected_taakstelling_is_on_schedule() {
        Pace pace = onOctober1(300, 600);
        assertThat(pace.level()).isEqualTo(Pace.Level.ON_SCHEDULE);
        assertThat(pace.monthsElapsed()).isEqualTo(3);
        assertThat(pace.expectedByNow()).isEqualByComparingTo("300");
        assertThat(pace.endOfPeriod()).isNull();
    }

    @Test
    void on_1_october_2022_a_municipality_at_a_sixth_of_its_corrected_taakstelling_is_behind() {
        assertThat(onOctober1(100, 600).level()).isEqualTo(Pace.Level.BEHIND);
    }

    @Test
    void a_municipality_just_short_of_k_sixths_is_somewhat_behind() {
        assertThat(onOctober1(299, 600).level()).isEqualTo(Pace.Level.SOMEWHAT_BEHIND);
        assertThat(onOctober1(225, 600).level()).isEqualTo(Pace.Level.SOMEWHAT_BEHIND);
        assertThat(onOctober1(224, 600).level()).isEqualTo(Pace.Level.BEHIND);
    }

    @Test
    void the_thresholds_come_from_configuration() {
        PaceThresholds strict = new PaceThresholds(new BigDecimal("1.0"), new BigDecimal("0.95"));
        assertThat(Pace.of(225, 600, 3, false, strict).level()).isEqualTo(Pace.Level.BEHIND);
    }

    @Test
    void in_the_first_month_or_with_a_credit_nothing_is_owed_yet() {
        assertThat(Pace.of(0, 600, 0, false, THRESHOLDS).level()).isEqualTo(Pace.Level.ON_SCHEDULE);
        assertThat(Pace.of(0, -40, 3, false, THRESHOLDS).level()).isEqualTo(Pace.Level.ON_SCHEDULE);
    }

    @Test
    void at_the_end_of_the_period_the_province_judges_met_or_not_met() {
        LocalDate january = LocalDate.of(2023, 1, 2);
        int k = H2_2022.monthsElapsed(january);
        assertThat(Pace.of(600, 600, k, H2_2022.isOver(january), THRESHOLDS).endOfPeriod()).isEqualTo(Pace.Judgement.MET);
        assertThat(Pace.of(599, 600, k, H2_2022.isOver(january), THRESHOLDS).endOfPeriod()).isEqualTo(Pace.Judgement.NOT_MET);
    }
}
