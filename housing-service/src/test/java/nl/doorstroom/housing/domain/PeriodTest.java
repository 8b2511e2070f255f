package nl.doorstroom.housing.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void a_period_is_a_half_year_written_as_2022_H2() {
        Period h2 = Period.parse("2022-H2");
        assertThat(h2.firstDay()).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(h2.lastDay()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(h2.previous()).isEqualTo(Period.parse("2022-H1"));
        assertThat(Period.parse("2023-H1").previous()).isEqualTo(h2);
        assertThat(Period.containing(LocalDate.of(2022, 8, 26))).hasToString("2022-H2");
        assertThat(Period.containing(LocalDate.of(2023, 6, 30))).hasToString("2023-H1");
    }

    @Test
    void anything_else_is_not_a_period() {
        for (String wrong : new String[]{"2022-H3", "2022H2", "2022-h2", "22-H2", "2022-H2 ", "", "2022-Q3"}) {
            assertThatThrownBy(() -> Period.parse(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void on_1_october_2022_three_months_of_2022_H2_have_passed() {
        Period h2 = Period.parse("2022-H2");
        assertThat(h2.monthsElapsed(LocalDate.of(2022, 6, 15))).isZero();
        assertThat(h2.monthsElapsed(LocalDate.of(2022, 7, 31))).isZero();
        assertThat(h2.monthsElapsed(LocalDate.of(2022, 9, 30))).isEqualTo(2);
        assertThat(h2.monthsElapsed(LocalDate.of(2022, 10, 1))).isEqualTo(3);
        assertThat(h2.monthsElapsed(LocalDate.of(2023, 3, 1))).isEqualTo(6);
        assertThat(h2.isOver(LocalDate.of(2022, 12, 31))).isFalse();
        assertThat(h2.isOver(LocalDate.of(2023, 1, 1))).isTrue();
    }
}
